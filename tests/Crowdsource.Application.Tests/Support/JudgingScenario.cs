using Crowdsource.Application.Challenges;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Judging;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Support;

/// <summary>A challenge in judging with approved entries and a one-judge panel (criteria Originality 60, Feasibility 40; prizes 5,000 and 1,500 EUR).</summary>
internal sealed record JudgingSetup(ChallengeId Challenge, BrandId Brand, Actor Owner, Actor Moderator, Actor Judge, IReadOnlyList<EntryId> Entries, IReadOnlyList<Actor> Creatives);

internal static class JudgingScenario
{
    private static int seed = 100;

    public static async Task<JudgingSetup> InJudgingAsync(this ApplicationFixture fixture, int approved = 3, int submittedOnly = 0, bool moveToJudging = true)
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        var creatives = new List<Actor>();
        var entries = new List<EntryId>();
        for (var i = 0; i < approved + submittedOnly; i++)
        {
            var creative = await fixture.ConfirmedAsync(Roles.Creative);
            var png = TestFiles.Png(seed: Interlocked.Increment(ref seed));
            entries.Add(await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), $"Wrapper {i + 1}", "Paper and ink.",
                [Uploads.Of("wrapper.png", png)], licence, AcceptLicence: true, DeclareOriginal: true)), creative));
            creatives.Add(creative);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        await fixture.ApproveAsync(challenge, moderator, entries.Take(approved));
        var judge = await fixture.ConfirmedAsync(Roles.Moderator);
        await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(challenge)), judge);
        if (moveToJudging)
        {
            await fixture.ToJudgingAsync(challenge);
        }

        var brand = (await fixture.LoadAsync(challenge)).BrandId;
        return new JudgingSetup(challenge, brand, owner, moderator, judge, entries, creatives);
    }

    /// <summary>Screening is another feature's: the entries are approved directly, as its use case would.</summary>
    public static Task ApproveAsync(this ApplicationFixture fixture, ChallengeId challengeId, Actor moderator, IEnumerable<EntryId> entryIds) =>
        fixture.DbAsync(async db =>
        {
            var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == challengeId);
            var ids = entryIds.ToList();
            foreach (var entry in await db.Entries.Where(candidate => ids.Contains(candidate.Id)).ToListAsync())
            {
                entry.Approve(challenge, moderator.UserId, fixture.Clock.GetUtcNow());
            }

            return await db.SaveChangesAsync();
        });

    /// <summary>Moves the clock past the submission deadline (21 days after creation) and lets the clock's job run.</summary>
    public static async Task ToJudgingAsync(this ApplicationFixture fixture, ChallengeId challengeId)
    {
        var challenge = await fixture.LoadAsync(challengeId);
        var wait = challenge.SubmissionDeadline!.Value - fixture.Clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            fixture.Clock.Advance(wait + TimeSpan.FromMinutes(1));
        }

        await fixture.SendAsync(sender => sender.Send(new AdvanceChallengesWithTime.Command()));
    }

    /// <summary>Puts a new account in the brand with this role.</summary>
    public static async Task<Actor> BrandMemberAsync(this ApplicationFixture fixture, BrandId brandId, BrandRole role, params string[] roles)
    {
        var member = await fixture.ConfirmedAsync(roles);
        await fixture.DbAsync(async db =>
        {
            var brand = await db.Brands.Include(candidate => candidate.Members).SingleAsync(candidate => candidate.Id == brandId);
            brand.AddMember(member.UserId, role, fixture.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        return member with { Roles = [.. member.Roles, Roles.BrandMember] };
    }

    public static ScoreEntry.Command Score(EntryId entry, int originality, int feasibility, string? comment = null, string? overall = null) =>
        new(entry, [new ScoreEntry.Mark("Originality", originality, comment), new ScoreEntry.Mark("Feasibility", feasibility, null)], overall);
}
