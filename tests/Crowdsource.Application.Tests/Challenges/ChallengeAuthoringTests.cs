using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Challenges;

public sealed class ChallengeAuthoringTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_draft_saved_complete_has_nothing_left_on_its_checklist()
    {
        var (id, _, _) = await fixture.CompleteDraftAsync();

        var challenge = await fixture.LoadAsync(id);

        Assert.Empty(challenge.PublishChecks(fixture.Clock.GetUtcNow()));
        Assert.Equal([5000m, 1500m], challenge.PrizeTiers.Select(tier => tier.Amount));
        Assert.Equal(["packaging", "chocolate"], challenge.Tags);
    }

    [Fact]
    public async Task A_draft_can_be_saved_incomplete()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        var id = await fixture.SendAsync(sender => sender.Send(new CreateChallengeDraft.Command(brand, "Just an idea")), owner);
        var draft = await fixture.LoadAsync(id);

        await fixture.SendAsync(sender => sender.Send(new EditChallenge.Command(id, draft.Version, "Just an idea, refined", null, null, null, null,
            "EUR", [], [], null, ChallengeVisibility.Public, null, 1, null, null, null)), owner);

        var saved = await fixture.LoadAsync(id);
        Assert.Equal("Just an idea, refined", saved.Title);
        Assert.Contains(PublishCheck.Prizes, saved.PublishChecks(fixture.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Bad_values_are_reported_on_their_fields_and_nothing_is_saved()
    {
        var (id, _, owner) = await fixture.CompleteDraftAsync();
        var before = await fixture.LoadAsync(id);
        var edit = Support.Challenges.CompleteEdit(id, before.Version, before.LicenceVersionId!.Value, fixture.Clock.GetUtcNow()) with
        {
            Title = "A better title",
            PrizeAmounts = [-5m],
            Criteria = [new("Originality", null, 0)],
            InvitedEmails = "not-an-address",
            Visibility = ChallengeVisibility.InviteOnly,
            LicenceVersionId = Guid.NewGuid(),
        };

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(edit), owner));

        Assert.Equal(["Criteria", "InvitedEmails", "LicenceVersionId", "PrizeAmounts"], error.Errors.Keys.Order(StringComparer.Ordinal));
        var after = await fixture.LoadAsync(id);
        Assert.Equal(before.Title, after.Title);
        Assert.Equal(before.PrizeTiers, after.PrizeTiers);
    }

    [Fact]
    public async Task Saving_from_an_old_copy_is_refused_instead_of_overwriting()
    {
        var (id, _, owner) = await fixture.CompleteDraftAsync();
        var read = await fixture.LoadAsync(id);
        var first = Support.Challenges.CompleteEdit(id, read.Version, read.LicenceVersionId!.Value, fixture.Clock.GetUtcNow()) with { Title = "First editor's title" };
        var second = first with { Title = "Second editor's title" };

        await fixture.SendAsync(sender => sender.Send(first), owner);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await fixture.SendAsync(sender => sender.Send(second), owner));

        Assert.Equal("First editor's title", (await fixture.LoadAsync(id)).Title);
    }

    [Fact]
    public async Task Nobody_outside_the_brand_can_create_read_or_change_its_challenges()
    {
        var (id, brand, _) = await fixture.CompleteDraftAsync();
        var stranger = await fixture.ConfirmedAsync();
        var version = (await fixture.LoadAsync(id)).Version;

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new CreateChallengeDraft.Command(brand, "Sneaky")), stranger));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(Support.Challenges.CompleteEdit(id, version, Guid.Empty, fixture.Clock.GetUtcNow()) with { Title = "Hijacked" }), stranger));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(id)), stranger));
    }

    [Fact]
    public async Task An_incomplete_draft_cannot_be_sent_for_review()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        var id = await fixture.SendAsync(sender => sender.Send(new CreateChallengeDraft.Command(brand, "Not ready")), owner);

        var error = await Assert.ThrowsAsync<Domain.Common.DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(id)), owner));

        Assert.Equal("challenge.incomplete", error.Code);
        Assert.Equal(ChallengeStatus.Draft, (await fixture.LoadAsync(id)).Status);
    }

    [Fact]
    public async Task Extending_a_published_deadline_is_audited_and_shortening_it_is_refused()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (id, _, owner) = await fixture.PublishedAsync(moderator);
        var published = await fixture.LoadAsync(id);
        var now = fixture.Clock.GetUtcNow();
        var extend = Support.Challenges.CompleteEdit(id, published.Version, published.LicenceVersionId!.Value, now) with
        {
            Deadline = now.AddDays(28),
            JudgingDeadline = now.AddDays(40),
            PrizeAmounts = [6000m, 1500m],
            Summary = published.Summary + " Now with a refill.",
        };

        await fixture.SendAsync(sender => sender.Send(extend), owner);
        var shorten = extend with { Version = (await fixture.LoadAsync(id)).Version, Deadline = now.AddDays(10) };
        var error = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(shorten), owner));

        Assert.Equal(["Deadline"], error.Errors.Keys);
        Assert.Equal(now.AddDays(28), (await fixture.LoadAsync(id)).SubmissionDeadline);
        var audit = await fixture.DbAsync(db => db.AuditEvents.Where(row => row.SubjectId == id.Value).Select(row => row.Action).ToListAsync());
        Assert.Contains("challenge.deadline-extended", audit);
        Assert.Contains("challenge.judging-deadline-extended", audit);
        Assert.Contains("challenge.prizes-raised", audit);
        var textEdit = await fixture.DbAsync(db => db.AuditEvents.Where(row => row.SubjectId == id.Value && row.Action == AuditActions.ChallengeTextEdited)
            .Select(row => row.Details).SingleAsync());
        Assert.Equal(AuditFacts.Write((AuditFacts.Changed, new[] { AuditFacts.TextParts.Summary })), textEdit); // only what changed, as facts
    }
}
