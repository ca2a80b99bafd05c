using System.Net;
using Crowdsource.Application.SavedSearches;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Notifications;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Scheduling;
using Crowdsource.Web.Tests.Support;
using Mediator;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Issue 13, saved searches: a creative saves a search of the list and hears of new matching challenges in the
/// notification centre and, if chosen, in a daily e-mail. The site's clock is a <see cref="FakeTimeProvider"/> and the
/// challenge clock is removed, so the test runs each job itself, at the moment it chooses.
/// </summary>
public sealed class SavedSearchTests : IAsyncLifetime
{
    private readonly CrowdsourceWebFactory _site = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_site).InitializeAsync();
        _site.ConfigureSite = builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
            services.Remove(services.Single(descriptor => descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationType == typeof(ChallengeClock)));
        });
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_site).DisposeAsync();

    [Fact]
    public async Task The_list_links_its_search_to_a_save_form_filled_with_it()
    {
        var creative = await SignedInAsync(await _site.AccountAsync());

        var list = await Forms.ParseAsync(await creative.GetAsync(new Uri("/Challenges?q=jasmine&category=Naming&min=500", UriKind.Relative)));
        var link = list.QuerySelector("p.save-search a")!.GetAttribute("href")!;
        Assert.Equal("/Account/Manage/Searches?q=jasmine&category=Naming&min=500", link);

        var form = await Forms.ParseAsync(await creative.GetAsync(new Uri(link, UriKind.Relative)));
        Assert.Equal("jasmine", form.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("jasmine", form.QuerySelector("#Input_Text")!.GetAttribute("value"));
        Assert.Equal("500", form.QuerySelector("#Input_MinimumPrize")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#Input_Category option[value='Naming'][selected]"));
    }

    [Fact]
    public async Task Each_new_matching_challenge_reaches_the_notification_centre_once_and_others_do_not()
    {
        var account = await _site.AccountAsync();
        var creative = await SignedInAsync(account);
        var bystander = await SignedInAsync(await _site.AccountAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(creative, "Jasmine", "jasmine", emailDigest: false)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(creative, "Naming", string.Empty, emailDigest: false, category: "Naming")).StatusCode);

        var owner = await _site.AccountAsync();
        var matching = await OpenChallenges.CreateAsync(_site, owner, title: "Name our jasmine tea");
        var other = await OpenChallenges.CreateAsync(_site, owner, title: "Name our coffee", category: ChallengeCategory.Packaging);
        // Past the minute a publication is given to settle (OpenChallenges publishes at the real time, which ran on meanwhile).
        _clock.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromMinutes(2));

        await SendAsync(new NotifySavedSearchMatches.Command());
        await SendAsync(new NotifySavedSearchMatches.Command()); // a second round finds nothing new

        var centre = await creative.GetStringAsync(new Uri("/Notifications", UriKind.Relative));
        Assert.Contains("Name our jasmine tea", centre, StringComparison.Ordinal);
        Assert.DoesNotContain("Name our coffee", centre, StringComparison.Ordinal);
        Assert.Equal(1, await NotificationsAsync(account, matching)); // both searches match it: one notification
        Assert.Equal(0, await NotificationsAsync(account, other));
        Assert.DoesNotContain("Name our jasmine tea", await bystander.GetStringAsync(new Uri("/Notifications", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_digest_lists_new_matches_in_the_readers_language_once_a_day_and_only_for_those_who_chose_it()
    {
        var reader = await _site.AccountAsync();
        var withDigest = await SignedInAsync(reader);
        await SetCultureAsync(reader, "fr-FR");
        var withoutDigest = await _site.AccountAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(withDigest, "Jasmin", "jasmine", emailDigest: true)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(await SignedInAsync(withoutDigest), "Jasmine", "jasmine", emailDigest: false)).StatusCode);

        var challenge = await OpenChallenges.CreateAsync(_site, await _site.AccountAsync(), title: "Name our jasmine tea");
        _clock.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromHours(2)); // published (at the real time) and settled
        await SendAsync(new SendSavedSearchDigests.Command());
        Assert.Empty(await EmailsToAsync(reader)); // not a day yet

        _clock.Advance(TimeSpan.FromDays(1));
        await SendAsync(new SendSavedSearchDigests.Command());
        await SendAsync(new SendSavedSearchDigests.Command()); // the same day again: nothing more

        var digest = Assert.Single(await EmailsToAsync(reader));
        Assert.Equal("Nouveaux défis pour vos recherches enregistrées (1)", digest.Subject);
        Assert.Contains("Name our jasmine tea", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains(challenge, digest.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/Account/Manage/Searches", digest.TextBody, StringComparison.Ordinal);
        Assert.Empty(await EmailsToAsync(withoutDigest));

        _clock.Advance(TimeSpan.FromDays(1)); // a day with nothing new: no e-mail
        await SendAsync(new SendSavedSearchDigests.Command());
        Assert.Single(await EmailsToAsync(reader));
    }

    [Fact]
    public async Task A_reversed_prize_range_is_shown_next_to_its_field_with_the_values_kept()
    {
        var creative = await SignedInAsync(await _site.AccountAsync());

        var response = await Forms.SubmitAsync(creative, "/Account/Manage/Searches", new Dictionary<string, string>
        {
            ["Input.Name"] = "Big prizes",
            ["Input.Text"] = "logo",
            ["Input.MinimumPrize"] = "2000",
            ["Input.MaximumPrize"] = "500",
        }, "/Account/Manage/Searches?handler=Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("minimum prize is above the maximum", page.QuerySelector("[data-valmsg-for='Input.MaximumPrize']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Big prizes", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("2000", page.QuerySelector("#Input_MinimumPrize")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#form-errors"));
        Assert.Null(page.QuerySelector("[data-saved-search]"));
    }

    [Fact]
    public async Task A_prize_bound_beyond_any_prize_is_refused_with_a_message_not_an_error_page()
    {
        var creative = await SignedInAsync(await _site.AccountAsync());

        var response = await Forms.SubmitAsync(creative, "/Account/Manage/Searches", new Dictionary<string, string>
        {
            ["Input.Name"] = "Huge",
            ["Input.MaximumPrize"] = "99999999999999",
        }, "/Account/Manage/Searches?handler=Save");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        Assert.Contains("between 0 and", page.QuerySelector("[data-valmsg-for='Input.MaximumPrize']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_person_keeps_at_most_twenty_searches_and_is_told_why_the_next_is_refused()
    {
        var creative = await SignedInAsync(await _site.AccountAsync());
        for (var i = 0; i < SavedSearch.MaximumPerPerson; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(creative, $"Search {i}", $"word{i}", emailDigest: false)).StatusCode);
        }

        var refused = await SaveAsync(creative, "One too many", "more", emailDigest: false);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await Forms.ParseAsync(refused);
        Assert.Contains("20 saved searches", page.QuerySelector("[data-valmsg-for='Input.Name']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(SavedSearch.MaximumPerPerson, page.QuerySelectorAll("[data-saved-search]").Length);
    }

    [Fact]
    public async Task Nobody_changes_or_deletes_someone_elses_saved_search()
    {
        var owner = await SignedInAsync(await _site.AccountAsync());
        await SaveAsync(owner, "Mine", "jasmine", emailDigest: false);
        var id = (await Forms.ParseAsync(await owner.GetAsync(new Uri("/Account/Manage/Searches", UriKind.Relative))))
            .QuerySelector("[data-saved-search]")!.GetAttribute("data-saved-search")!;
        var intruder = await SignedInAsync(await _site.AccountAsync());

        var token = (await Forms.ParseAsync(await intruder.GetAsync(new Uri("/Account/Manage/Searches", UriKind.Relative))))
            .QuerySelector("form[action*='handler=Save'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var change = await intruder.PostAsync(new Uri($"/Account/Manage/Searches?handler=Digest&id={id}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["emailDigest"] = "true", ["__RequestVerificationToken"] = token }));
        var delete = await intruder.PostAsync(new Uri($"/Account/Manage/Searches?handler=Delete&id={id}", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["confirmed"] = "true" }));

        Assert.Equal(HttpStatusCode.NotFound, change.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, delete.StatusCode); // deleting what is not yours deletes nothing
        await using var scope = _site.Services.CreateAsyncScope();
        var search = await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().SavedSearches.AsNoTracking().SingleAsync(search => search.Id == Guid.Parse(id));
        Assert.False(search.EmailDigest);
    }

    [Fact]
    public async Task A_title_typed_with_line_breaks_stays_on_one_line_of_the_digest()
    {
        var reader = await _site.AccountAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(await SignedInAsync(reader), "Jasmine", "jasmine", emailDigest: true)).StatusCode);
        await OpenChallenges.CreateAsync(_site, await _site.AccountAsync(), title: "Name our jasmine tea\n\nYour account is closed: https://evil.example/login");
        _clock.SetUtcNow(DateTimeOffset.UtcNow + TimeSpan.FromDays(1) + TimeSpan.FromHours(2));

        await SendAsync(new SendSavedSearchDigests.Command());

        var digest = Assert.Single(await EmailsToAsync(reader));
        Assert.Contains("- Name our jasmine tea Your account is closed: https://evil.example/login (Tea Lab)", digest.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\nYour account is closed", digest.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deleting_a_saved_search_asks_first_then_deletes_it()
    {
        var creative = await SignedInAsync(await _site.AccountAsync());
        await SaveAsync(creative, "Mine", "jasmine", emailDigest: false);
        var id = (await Forms.ParseAsync(await creative.GetAsync(new Uri("/Account/Manage/Searches", UriKind.Relative))))
            .QuerySelector("[data-saved-search]")!.GetAttribute("data-saved-search")!;
        var delete = new Dictionary<string, string> { ["id"] = id };

        await Confirmations.AssertAsksToConfirmAsync(
            await Forms.SubmitAsync(creative, "/Account/Manage/Searches", delete, "/Account/Manage/Searches?handler=Delete"), "Yes, delete this search");
        Assert.True(await SavedSearchExistsAsync(id));

        delete["confirmed"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(creative, "/Account/Manage/Searches", delete, "/Account/Manage/Searches?handler=Delete")).StatusCode);
        Assert.False(await SavedSearchExistsAsync(id));
    }

    private async Task<bool> SavedSearchExistsAsync(string id)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().SavedSearches.AnyAsync(search => search.Id == Guid.Parse(id));
    }

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, account);
        return client;
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string name, string text, bool emailDigest, string category = "")
    {
        var fields = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Text"] = text, ["Input.Category"] = category };
        if (emailDigest)
        {
            fields["Input.EmailDigest"] = "true";
        }

        return Forms.SubmitAsync(client, "/Account/Manage/Searches", fields, "/Account/Manage/Searches?handler=Save");
    }

    private async Task SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    private async Task<int> NotificationsAsync(TestAccount account, string challengePage)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var userId = await db.Users.Where(user => user.Email == account.Email).Select(user => user.Id).SingleAsync();
        return await db.Notifications.CountAsync(notification =>
            notification.UserId == userId && notification.Kind == NotificationKind.SavedSearchMatched && notification.Link == challengePage);
    }

    private async Task SetCultureAsync(TestAccount account, string culture)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var user = await db.Users.SingleAsync(user => user.Email == account.Email);
        user.PreferCulture(culture);
        await db.SaveChangesAsync();
    }

    private async Task<List<(string Subject, string TextBody, string HtmlBody)>> EmailsToAsync(TestAccount account)
    {
        await using var scope = _site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var emails = await db.OutgoingEmails.AsNoTracking().Where(email => email.ToAddress == account.Email && email.Kind == "saved-search-digest").ToListAsync();
        return [.. emails.Select(email => (email.Subject, email.TextBody, email.HtmlBody))];
    }
}
