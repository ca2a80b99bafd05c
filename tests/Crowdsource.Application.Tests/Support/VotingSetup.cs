using Crowdsource.Application.Challenges;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Support;

/// <summary>Entries sent, screened and challenges moved past their deadline, for the vote and insight tests.</summary>
internal static class VotingSetup
{
    public static Task<EntryId> SubmitAsync(this ApplicationFixture fixture, ChallengeId challenge, Guid licence, Actor creative, string title, int seed = 1) =>
        fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), title, "Printed with vegetable inks.",
            [Uploads.Of("poster.png", TestFiles.Png(seed: seed))], licence, AcceptLicence: true, DeclareOriginal: true)), creative);

    /// <summary>A moderator approves the entry (through the domain: screening has its own use cases elsewhere).</summary>
    public static Task ApproveAsync(this ApplicationFixture fixture, EntryId id, Actor moderator) =>
        fixture.DbAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(candidate => candidate.Id == id);
            var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == entry.ChallengeId);
            entry.Approve(challenge, moderator.UserId, fixture.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

    /// <summary>Moves the clock to the deadline and lets the clock job start the judging.</summary>
    public static async Task PassTheDeadlineAsync(this ApplicationFixture fixture, ChallengeId id)
    {
        fixture.Clock.SetUtcNow((await fixture.LoadAsync(id)).SubmissionDeadline!.Value.AddMinutes(1));
        await fixture.SendAsync(sender => sender.Send(new AdvanceChallengesWithTime.Command()));
    }

    /// <summary>
    /// An open challenge with a public vote closing a week after the deadline (People's choice: 500 EUR), two approved
    /// entries (Chloe's first) and one waiting for screening, now in its vote.
    /// </summary>
    public static async Task<VotingChallenge> VotingAsync(this ApplicationFixture fixture)
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        await fixture.DbAsync(async db =>
        {
            var tracked = await db.Challenges.SingleAsync(candidate => candidate.Id == challenge);
            tracked.SetPublicVote(tracked.SubmissionDeadline!.Value.AddDays(7), 500m, hasEntries: false, fixture.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var dario = await fixture.ConfirmedAsync(Roles.Creative);
        var first = await fixture.SubmitAsync(challenge, licence, chloe, "Paper wrapper", seed: 1);
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        var second = await fixture.SubmitAsync(challenge, licence, dario, "Glass jar", seed: 2);
        var waiting = await fixture.SubmitAsync(challenge, licence, dario, "Tin box", seed: 3);
        await fixture.ApproveAsync(first, moderator);
        await fixture.ApproveAsync(second, moderator);
        await fixture.PassTheDeadlineAsync(challenge);
        return new VotingChallenge(challenge, owner, chloe, first, second, waiting);
    }
}

internal sealed record VotingChallenge(ChallengeId Challenge, Actor Owner, Actor Chloe, EntryId ChloesEntry, EntryId DariosEntry, EntryId Waiting);
