using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Crowdsource.Infrastructure.Persistence.Seed;

namespace Crowdsource.Web.Tests.Http;

/// <summary>The brand workspace links each challenge to the page where its next step happens, not always to its edit form.</summary>
public sealed class WorkspaceLinksTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    [Fact]
    public async Task Each_challenge_links_to_the_page_that_matches_its_state()
    {
        var owner = await factory.AccountAsync();
        var judge = await factory.AccountAsync(Roles.Moderator);
        var announced = await JudgedChallenges.CreateAsync(factory.Services, owner, judge, [await factory.AccountAsync()], announced: true, title: "Results are out");
        var ids = await AddChallengesAsync(new BrandId(announced.BrandId), owner);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, owner);

        var workspace = await Forms.ParseAsync(await client.GetAsync(new Uri($"/Brands/Workspace/{announced.BrandId}", UriKind.Relative)));
        string LinkOf(string title) => workspace.QuerySelectorAll("table a").Single(link => link.TextContent.Trim() == title).GetAttribute("href")!;

        Assert.Equal($"/Challenges/Edit/{ids["Still a draft"]}", LinkOf("Still a draft"));
        Assert.Equal($"/Challenges/{ids["Waiting for review"]}", LinkOf("Waiting for review"));
        Assert.Equal($"/Challenges/{ids["Taking entries"]}", LinkOf("Taking entries"));
        Assert.Equal($"/Brands/Challenges/{ids["Being judged"]}/winners", LinkOf("Being judged"));
        Assert.Equal($"/Challenges/{announced.ChallengeId}/results", LinkOf("Results are out"));
        foreach (var title in new[] { "Waiting for review", "Taking entries", "Being judged", "Results are out" })
        {
            var page = await client.GetAsync(new Uri(LinkOf(title), UriKind.Relative));
            Assert.True(page.IsSuccessStatusCode, $"{title}: {page.StatusCode}");
        }
    }

    /// <summary>A draft, one in review, one open and one in judging, in the brand, arranged as the domain allows.</summary>
    private async Task<Dictionary<string, Guid>> AddChallengesAsync(BrandId brandId, TestAccount owner)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var ownerId = await db.Users.Where(user => user.Email == owner.Email).Select(user => user.Id).SingleAsync();
        var licence = await db.LicenceVersions.Select(version => version.Id).FirstAsync();
        var now = DateTimeOffset.UtcNow;

        Challenge Complete(string title, bool opensNow)
        {
            var challenge = Challenge.CreateDraft(brandId, title, ownerId, now);
            challenge.Describe(title, "A name for a tea.", "Give our tea a name.", ChallengeCategory.Naming, [], now);
            challenge.SetPrizeTiers([PrizeTier.Create(1, 1000m, "EUR")], now);
            challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 100)], hasEntries: false, now);
            challenge.ChooseLicence(licence, now);
            challenge.SetAudience(ChallengeVisibility.Public, [], 2, now);
            challenge.SetSchedule(opensNow ? now.AddMinutes(-1) : now.AddHours(1), now.AddDays(10), now.AddDays(20), now.AddMinutes(-2));
            challenge.SubmitForReview(now);
            return challenge;
        }

        var draft = Challenge.CreateDraft(brandId, "Still a draft", ownerId, now);
        var review = Complete("Waiting for review", opensNow: false);
        var open = Complete("Taking entries", opensNow: true);
        DemoFunding.Fund(db, open, ownerId, "test-admin", now);
        open.Approve(now);
        open.AdvanceWithTime(now);
        var judging = Complete("Being judged", opensNow: true);
        DemoFunding.Fund(db, judging, ownerId, "test-admin", now);
        judging.Approve(now);
        judging.AdvanceWithTime(now);
        judging.AdvanceWithTime(now.AddDays(11));
        db.Challenges.AddRange(draft, review, open, judging);
        await db.SaveChangesAsync();
        Assert.Equal(ChallengeStatus.Judging, judging.Status);
        return new[] { draft, review, open, judging }.ToDictionary(challenge => challenge.Title, challenge => challenge.Id.Value);
    }
}
