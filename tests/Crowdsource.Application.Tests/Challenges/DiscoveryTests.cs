using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;

namespace Crowdsource.Application.Tests.Challenges;

/// <summary>A database of its own: the list sees every challenge in it.</summary>
public sealed class DiscoveryTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private Task<ChallengeId> PublishAsync(Actor moderator, string title, string summary, decimal firstPrize = 5000m,
        ChallengeCategory category = ChallengeCategory.Packaging, string? invited = null, int deadlineDays = 21) =>
        fixture.PublishListedAsync(moderator, title, summary, firstPrize, category, invited, deadlineDays);

    private Task<ListChallenges.Result> ListAsync(ListChallenges.Query query, Actor? viewer = null) =>
        fixture.SendAsync(sender => sender.Send(query), viewer);

    [Fact]
    public async Task Search_stems_english_and_french_lists_only_what_each_viewer_may_see_and_pages_stay_stable()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var invitedCreative = await fixture.ConfirmedAsync();
        var invitedEmail = (await fixture.DbAsync(db => Task.FromResult(db.Users.Single(user => user.Id == invitedCreative.UserId).Email!)));

        var wrapper = await PublishAsync(moderator, "Reinvent the wrapper", "Recyclable packaging for a chocolate bar", 7500m, deadlineDays: 2);
        var emballage = await PublishAsync(moderator, "Nouvel emballage", "Des emballages plus légers pour nos yaourts", 3000m, deadlineDays: 10);
        var video = await PublishAsync(moderator, "Spring video", "A 30-second film", 1000m, ChallengeCategory.Video);
        var secret = await PublishAsync(moderator, "Secret packaging", "Only for invited creatives", 9000m, invited: invitedEmail);
        var draft = await fixture.CompleteDraftAsync();

        // English stemming: "packages" finds "packaging"; French stemming: "emballages" finds "emballage".
        var english = await ListAsync(new ListChallenges.Query(Search: "packages"));
        Assert.Equal([wrapper], english.Challenges.Select(card => card.Id));
        var french = await ListAsync(new ListChallenges.Query(Search: "emballages"));
        Assert.Equal([emballage], french.Challenges.Select(card => card.Id));
        var byBrand = await ListAsync(new ListChallenges.Query(Search: "Choco"));
        Assert.Equal(3, byBrand.Total);

        // Invite-only: listed to the invited creative, not to others; drafts never.
        var anonymous = await ListAsync(new ListChallenges.Query());
        Assert.DoesNotContain(secret, anonymous.Challenges.Select(card => card.Id));
        Assert.DoesNotContain(draft.Challenge, anonymous.Challenges.Select(card => card.Id));
        Assert.Contains(secret, (await ListAsync(new ListChallenges.Query(), invitedCreative)).Challenges.Select(card => card.Id));

        // Filters and sorts.
        Assert.Equal([video], (await ListAsync(new ListChallenges.Query(Category: ChallengeCategory.Video))).Challenges.Select(card => card.Id));
        Assert.Equal([wrapper], (await ListAsync(new ListChallenges.Query(In: ListChallenges.Phase.ClosingSoon))).Challenges.Select(card => card.Id));
        Assert.Equal([wrapper, emballage], (await ListAsync(new ListChallenges.Query(MinimumPrize: 2000m, MaximumPrize: 8000m))).Challenges.Select(card => card.Id));
        Assert.Equal([wrapper, emballage, video], anonymous.Challenges.Select(card => card.Id));
        Assert.Equal([wrapper, emballage, video], (await ListAsync(new ListChallenges.Query(Sort: ListChallenges.Order.Prize))).Challenges.Select(card => card.Id));
        Assert.Equal([video, emballage, wrapper], (await ListAsync(new ListChallenges.Query(Sort: ListChallenges.Order.Newest))).Challenges.Select(card => card.Id));

        // A challenge published after the list was read does not shift it.
        var asOf = anonymous.AsOf;
        fixture.Clock.Advance(TimeSpan.FromSeconds(30));
        await PublishAsync(moderator, "Late arrival", "Published while someone was browsing", 50m, deadlineDays: 2);
        Assert.Equal([wrapper, emballage, video], (await ListAsync(new ListChallenges.Query(AsOf: asOf))).Challenges.Select(card => card.Id));
    }

    [Fact]
    public async Task An_invite_only_challenge_is_found_by_the_invited_and_its_brand_in_lists_and_search_and_by_nobody_else()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var invited = await fixture.ConfirmedAsync();
        var stranger = await fixture.ConfirmedAsync();
        var email = await fixture.DbAsync(db => Task.FromResult(db.Users.Single(user => user.Id == invited.UserId).Email!));
        // The account's e-mail is kept upper case by Identity and the invitation lower case: the list compares them.
        var secret = await PublishAsync(moderator, "Invitation only", "A quiet brief for a few", invited: email.ToUpperInvariant());
        var member = new Actor(await fixture.DbAsync(db => Task.FromResult(db.Brands
            .Where(brand => db.Challenges.Any(challenge => challenge.Id == secret && challenge.BrandId == brand.Id))
            .SelectMany(brand => brand.Members.Select(m => m.UserId))
            .First())));

        foreach (var finder in new[] { invited, member })
        {
            Assert.Contains(secret, (await ListAsync(new ListChallenges.Query(), finder)).Challenges.Select(card => card.Id));
            Assert.Equal([secret], (await ListAsync(new ListChallenges.Query(Search: "quiet brief"), finder)).Challenges.Select(card => card.Id));
        }

        foreach (var outsider in new Actor?[] { stranger, null })
        {
            Assert.DoesNotContain(secret, (await ListAsync(new ListChallenges.Query(), outsider)).Challenges.Select(card => card.Id));
            Assert.Empty((await ListAsync(new ListChallenges.Query(Search: "quiet brief"), outsider)).Challenges);
        }
    }

    [Fact]
    public async Task A_draft_page_is_not_found_for_creatives_but_open_to_its_brand_and_moderators()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var creative = await fixture.ConfirmedAsync();
        var (id, _, owner) = await fixture.CompleteDraftAsync();

        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetChallenge.Query(id)), creative));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetChallenge.Query(id))));

        Assert.True((await fixture.SendAsync(sender => sender.Send(new GetChallenge.Query(id)), owner)).ViewerIsBrandMember);
        var seenByModerator = await fixture.SendAsync(sender => sender.Send(new GetChallenge.Query(id)), moderator);
        Assert.True(seenByModerator.ViewerIsStaff);
        Assert.NotNull(seenByModerator.Licence);
    }
}
