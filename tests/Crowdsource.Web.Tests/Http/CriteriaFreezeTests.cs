using System.Net;
using AngleSharp.Html.Dom;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Issue 10, hole 7: the judging criteria freeze once an entry exists (whatever became of it), on the brand's edit
/// form as in the use case; the rest of the form can still be saved.
/// </summary>
public sealed class CriteriaFreezeTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, account);
        return client;
    }

    /// <summary>Posts the edit form as a browser would: every field it sends (none in a disabled section), with some values changed.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient brand, string edit, IReadOnlyDictionary<string, string> changes)
    {
        var page = await Forms.ParseAsync(await brand.GetAsync(new Uri(edit, UriKind.Relative)));
        var form = page.Forms.Single(candidate => candidate.ClassList.Contains("challenge-form"));
        var fields = new Dictionary<string, string>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            // Browsers send nothing from a disabled section, hidden fields included.
            if (element.Closest("fieldset[disabled]") is not null
                || (element is IHtmlInputElement { Type: "checkbox" or "radio" } box && !box.IsChecked))
            {
                continue;
            }

            var name = element.GetAttribute("name")!;
            if (!fields.ContainsKey(name))
            {
                fields[name] = element switch
                {
                    IHtmlSelectElement select => select.Value ?? string.Empty,
                    IHtmlTextAreaElement area => area.Value,
                    IHtmlInputElement input => input.Value,
                    _ => string.Empty,
                };
            }
        }

        foreach (var (name, value) in changes)
        {
            fields[name] = value;
        }

        return await brand.PostAsync(new Uri(form.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private async Task<Challenge> LoadAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Challenges.AsNoTracking().SingleAsync(candidate => candidate.Id == new ChallengeId(id));
    }

    /// <summary>The form shows dates to the minute: the arranged challenge's dates are made whole minutes so they go back unchanged.</summary>
    private async Task WholeMinutesAsync(Guid id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var challenge = await db.Challenges.AsNoTracking().SingleAsync(candidate => candidate.Id == new ChallengeId(id));
        static DateTimeOffset Minute(DateTimeOffset? value) => new(value!.Value.Ticks - (value.Value.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
        var (opens, deadline, judging) = (Minute(challenge.SubmissionOpensAt), Minute(challenge.SubmissionDeadline), Minute(challenge.JudgingDeadline));
        await db.Challenges.Where(candidate => candidate.Id == new ChallengeId(id)).ExecuteUpdateAsync(set => set
            .SetProperty(candidate => candidate.SubmissionOpensAt, opens)
            .SetProperty(candidate => candidate.SubmissionDeadline, deadline)
            .SetProperty(candidate => candidate.JudgingDeadline, judging));
    }

    [Fact]
    public async Task The_brand_changes_the_criteria_before_any_entry_but_not_once_one_exists_even_withdrawn_and_the_form_says_why()
    {
        var owner = await factory.AccountAsync();
        var challengePage = await OpenChallenges.CreateAsync(factory, owner);
        var id = Guid.Parse(challengePage.Split('/')[^1]);
        await WholeMinutesAsync(id);
        var edit = $"/Challenges/Edit/{id}";
        var brand = await SignedInAsync(owner);

        var before = await SaveAsync(brand, edit, new Dictionary<string, string> { ["Input.Criteria[0].Name"] = "Boldness" });
        Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        Assert.Equal(["Boldness"], (await LoadAsync(id)).Criteria.Select(criterion => criterion.Name));

        var creative = await SignedInAsync(await factory.AccountAsync());
        var entryPage = await SubmittedEntries.EnterAsync(creative, challengePage);
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(creative, entryPage, new Dictionary<string, string> { ["confirmed"] = "true" }, $"{entryPage}?handler=Withdraw")).StatusCode);

        var form = await Forms.ParseAsync(await brand.GetAsync(new Uri(edit, UriKind.Relative)));
        Assert.Contains("can no longer change", form.QuerySelector("#criteria-frozen")!.TextContent, StringComparison.Ordinal);
        Assert.True(form.QuerySelector("input[name='Input.Criteria[0].Name']")!.HasAttribute("readonly"));

        var refused = await SaveAsync(brand, edit, new Dictionary<string, string> { ["Input.Criteria[0].Name"] = "Charm", ["Input.Summary"] = "Changed meanwhile." });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Equal("Creatives have already submitted entries against these criteria: they can no longer change.",
            page.QuerySelector("[data-valmsg-for='Input.Criteria']")!.TextContent.Trim());
        Assert.Equal("Boldness", page.QuerySelector("input[name='Input.Criteria[0].Name']")!.GetAttribute("value"));
        var unchanged = await LoadAsync(id);
        Assert.Equal(["Boldness"], unchanged.Criteria.Select(criterion => criterion.Name));
        Assert.Equal("A name for a tea.", unchanged.Summary);

        // The frozen criteria go back as they are: the rest of the form still saves.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(brand, edit, new Dictionary<string, string> { ["Input.Summary"] = "A better name for a tea." })).StatusCode);
        Assert.Equal("A better name for a tea.", (await LoadAsync(id)).Summary);
    }
}
