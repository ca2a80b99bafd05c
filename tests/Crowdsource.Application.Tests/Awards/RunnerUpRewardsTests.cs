using Crowdsource.Application.Awards;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Judging;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Notifications;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;
using static Crowdsource.Application.Tests.Support.JudgingScenario;

namespace Crowdsource.Application.Tests.Awards;

public sealed class RunnerUpRewardsTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static int seed = 700;

    private sealed record Setup(ChallengeId Challenge, Actor Owner, Actor Moderator, Actor Judge, IReadOnlyList<EntryId> Entries, IReadOnlyList<Actor> Creatives);

    /// <summary>
    /// A challenge (prizes 5 000 + 1 500 €) whose draft sets a runner-up pool through the challenge form, funded in full
    /// and opened; <paramref name="entries"/> approved entries, a judge on the panel who scores them in order (the first
    /// best) and shortlists <paramref name="shortlisted"/>; then judging starts.
    /// </summary>
    private async Task<Setup> JudgingWithPoolAsync(decimal pool, RunnerUpRule rule, int count, int entries, int[] shortlisted, Guid? licence = null)
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var opensAt = fixture.Clock.GetUtcNow().AddMinutes(1);
        var (id, _, owner) = await fixture.CompleteDraftAsync(opensAt);
        var draft = await fixture.LoadAsync(id);
        var chosen = licence ?? draft.LicenceVersionId!.Value;
        await fixture.SendAsync(sender => sender.Send(Support.Challenges.CompleteEdit(id, draft.Version, chosen, fixture.Clock.GetUtcNow(), opensAt)
            with { RunnerUpPool = pool, RunnerUpRule = rule, RunnerUpCount = count }), owner);
        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(id)), owner);
        Assert.Equal(6500m + pool, (await fixture.LoadAsync(id)).FundingShortfall);
        await fixture.FundAsync(id, owner);
        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(id)), moderator);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.SendAsync(sender => sender.Send(new AdvanceChallengesWithTime.Command()));

        var ids = new List<EntryId>();
        var creatives = new List<Actor>();
        for (var i = 0; i < entries; i++)
        {
            var creative = await fixture.ConfirmedAsync(Roles.Creative);
            ids.Add(await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(id, Guid.NewGuid(), $"Wrapper {i + 1}", "Paper and ink.",
                [Uploads.Of("wrapper.png", TestFiles.Png(seed: Interlocked.Increment(ref seed)))], chosen, AcceptLicence: true, DeclareOriginal: true)), creative));
            creatives.Add(creative);
            fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        await fixture.ApproveAsync(id, moderator, ids);
        var judge = await fixture.ConfirmedAsync(Roles.Moderator);
        await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(id)), judge);
        foreach (var index in shortlisted)
        {
            await fixture.SendAsync(sender => sender.Send(new SetShortlisted.Command(ids[index], true)), judge);
        }

        await fixture.ToJudgingAsync(id);
        for (var i = 0; i < entries; i++)
        {
            var mark = 10 - i;
            await fixture.SendAsync(sender => sender.Send(Score(ids[i], mark, mark)), judge);
        }

        return new Setup(id, owner, moderator, judge, ids, creatives);
    }

    private async Task<Setup> AnnouncedByRankingAsync(decimal pool, RunnerUpRule rule, int count, int entries, int[] shortlisted, Guid? licence = null)
    {
        var setup = await JudgingWithPoolAsync(pool, rule, count, entries, shortlisted, licence);
        fixture.Clock.SetUtcNow((await fixture.LoadAsync(setup.Challenge)).JudgingDeadline!.Value.AddMinutes(1));
        await fixture.SendAsync(sender => sender.Send(new AwardOverdueChallenges.Command()));
        return setup;
    }

    private Task<List<RunnerUpReward>> RewardsAsync(ChallengeId id) =>
        fixture.DbAsync(db => db.RunnerUpRewards.AsNoTracking().Where(reward => reward.ChallengeId == id).OrderBy(reward => reward.Place).ToListAsync());

    private Task<List<LedgerEntry>> LedgerAsync(ChallengeId id) =>
        fixture.DbAsync(db => db.LedgerEntries.AsNoTracking().Where(line => line.ChallengeId == id).OrderBy(line => line.RecordedAt).ToListAsync());

    private async Task PayAsync(Actor admin, Guid rewardId, string reference = "SEPA-RU-0001")
    {
        var version = (await fixture.DbAsync(db => db.RunnerUpRewards.AsNoTracking().SingleAsync(reward => reward.Id == rewardId))).Version;
        await fixture.SendAsync(sender => sender.Send(new MarkRunnerUpRewardPaid.Command(rewardId, version, reference)), admin);
    }

    [Fact]
    public async Task When_the_ranking_decides_the_best_ranked_non_winners_share_the_pool_to_the_cent()
    {
        var setup = await AnnouncedByRankingAsync(100m, RunnerUpRule.TopOfRanking, 3, entries: 6, shortlisted: []);

        var rewards = await RewardsAsync(setup.Challenge);

        // Entries 1 and 2 won the prizes; 3, 4 and 5 share the pool; 6 gets nothing.
        Assert.Equal([(setup.Entries[2], 33.34m), (setup.Entries[3], 33.33m), (setup.Entries[4], 33.33m)], rewards.Select(reward => (reward.EntryId, reward.Amount)));
        Assert.All(rewards, reward => Assert.Equal(("EUR", false), (reward.Currency, reward.IsPaid)));
        var challenge = await fixture.LoadAsync(setup.Challenge);
        Assert.NotNull(challenge.RunnerUpRewardsDecidedAt);
        Assert.Equal(ChallengeStatus.WinnersAnnounced, challenge.Status);
    }

    [Fact]
    public async Task At_confirmation_the_shortlisted_non_winners_share_the_pool_and_a_double_click_decides_nothing_twice()
    {
        var setup = await JudgingWithPoolAsync(200m, RunnerUpRule.ShortlistedEntries, 5, entries: 5, shortlisted: [0, 1, 3]);
        await fixture.SendAsync(sender => sender.Send(new SelectWinners.Command(setup.Challenge,
            [new SelectWinners.Pick(1, setup.Entries[1]), new SelectWinners.Pick(2, setup.Entries[4])])), setup.Owner);

        await fixture.SendAsync(sender => sender.Send(new ConfirmWinners.Command(setup.Challenge)), setup.Moderator);
        await fixture.SendAsync(sender => sender.Send(new ConfirmWinners.Command(setup.Challenge)), setup.Moderator);

        // Shortlisted: 1, 2, 4 (indexes 0, 1, 3); 2 won, so 1 and 4 share, best ranked first; 3 and 5 are not shortlisted.
        var rewards = await RewardsAsync(setup.Challenge);
        Assert.Equal([(1, setup.Entries[0], 100m), (2, setup.Entries[3], 100m)], rewards.Select(reward => (reward.Place, reward.EntryId, reward.Amount)));
        var announced = await fixture.DbAsync(db => db.AuditEvents.AsNoTracking()
            .SingleAsync(row => row.SubjectId == setup.Challenge.Value && row.Action == "winners.confirmed"));
        Assert.Contains($"runner-up {setup.Entries[0].Value} 100 EUR", announced.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reward_is_paid_from_the_pool_with_a_ledger_line_an_audit_line_a_notification_and_no_rights()
    {
        var setup = await AnnouncedByRankingAsync(90m, RunnerUpRule.TopOfRanking, 2, entries: 4, shortlisted: []);
        var reward = (await RewardsAsync(setup.Challenge))[0];
        var creative = setup.Creatives[2];

        await PayAsync(await fixture.ConfirmedAsync(Roles.Admin), reward.Id, " SEPA-RU-0001 ");

        var paid = (await RewardsAsync(setup.Challenge))[0];
        Assert.Equal((true, "SEPA-RU-0001"), (paid.IsPaid, paid.PaymentReference));
        var line = (await LedgerAsync(setup.Challenge)).Single(candidate => candidate.Movement == LedgerMovement.RunnerUpPaid);
        Assert.Equal((45m, "EUR", reward.Id, setup.Entries[2], "SEPA-RU-0001"), (line.Amount, line.Currency, line.RunnerUpRewardId, line.EntryId!.Value, line.Reference));
        Assert.False(await fixture.DbAsync(db => db.LicenceGrants.AnyAsync(grant => grant.EntryId == setup.Entries[2])));
        Assert.Equal(1, await fixture.DbAsync(db => db.AuditEvents.CountAsync(row => row.SubjectId == setup.Challenge.Value && row.Action == "runner-up.paid")));
        Assert.True(await fixture.DbAsync(db => db.Notifications.AnyAsync(notification =>
            notification.UserId == creative.UserId && notification.Kind == NotificationKind.RunnerUpRewardPaid)));
        var balance = (await LedgerAsync(setup.Challenge)).Sum(entry => entry.Direction * entry.Amount);
        Assert.Equal(6500m + 90m - 45m, balance);
    }

    [Fact]
    public async Task A_licence_that_grants_rights_for_runner_ups_writes_the_grant_when_the_reward_is_paid()
    {
        var licence = LicenceVersion.Publish(Guid.CreateVersion7(), $"runner-up-rights-{Guid.NewGuid():N}"[..40], 1, LicenceScope.ExclusiveAssignment,
            LicenceAppliesTo.WinningEntriesOnly, ("Rights for runner-ups too", "Droits aussi pour les accessits"), ("Summary", "Résumé"),
            ("Full text: runner-up rewards buy the rights.", "Texte complet : les accessits achètent les droits."), "All media", "Worldwide", "Full term",
            fixture.Clock.GetUtcNow(), grantsRightsForRunnerUps: true);
        await fixture.DbAsync(db =>
        {
            db.LicenceVersions.Add(licence);
            return db.SaveChangesAsync();
        });
        var setup = await AnnouncedByRankingAsync(90m, RunnerUpRule.TopOfRanking, 2, entries: 3, shortlisted: [], licence: licence.Id);
        var reward = Assert.Single(await RewardsAsync(setup.Challenge));

        await PayAsync(await fixture.ConfirmedAsync(Roles.Admin), reward.Id);

        Assert.Equal(90m, reward.Amount);
        var grant = await fixture.DbAsync(db => db.LicenceGrants.AsNoTracking().SingleAsync(candidate => candidate.EntryId == setup.Entries[2]));
        Assert.Equal((reward.Id, (Guid?)null, licence.Id, setup.Creatives[2].UserId), (grant.RunnerUpRewardId, grant.AwardId, grant.LicenceVersionId, grant.CreativeUserId));
    }

    [Fact]
    public async Task Two_admins_paying_at_once_make_one_payment_and_one_ledger_line()
    {
        var setup = await AnnouncedByRankingAsync(90m, RunnerUpRule.TopOfRanking, 1, entries: 3, shortlisted: []);
        var reward = Assert.Single(await RewardsAsync(setup.Challenge));
        var (first, second) = (await fixture.ConfirmedAsync(Roles.Admin), await fixture.ConfirmedAsync(Roles.Admin));

        var outcomes = await Task.WhenAll(
            Attempt(() => fixture.SendAsync(sender => sender.Send(new MarkRunnerUpRewardPaid.Command(reward.Id, reward.Version, "SEPA-FIRST")), first)),
            Attempt(() => fixture.SendAsync(sender => sender.Send(new MarkRunnerUpRewardPaid.Command(reward.Id, reward.Version, "SEPA-SECOND")), second)));

        Assert.Single(outcomes, outcome => outcome is null);
        Assert.IsType<ConcurrencyConflictException>(Assert.Single(outcomes, outcome => outcome is not null));
        Assert.Single(await LedgerAsync(setup.Challenge), line => line.Movement == LedgerMovement.RunnerUpPaid);
        Assert.Equal(1, await fixture.DbAsync(db => db.AuditEvents.CountAsync(row => row.SubjectId == setup.Challenge.Value && row.Action == "runner-up.paid")));

        static async Task<Exception?> Attempt(Func<Task> pay)
        {
            try
            {
                await pay();
                return null;
            }
            catch (ConcurrencyConflictException conflict)
            {
                return conflict;
            }
        }
    }

    [Fact]
    public async Task Only_admins_pay_a_reward()
    {
        var setup = await AnnouncedByRankingAsync(90m, RunnerUpRule.TopOfRanking, 1, entries: 3, shortlisted: []);
        var reward = Assert.Single(await RewardsAsync(setup.Challenge));

        await Assert.ThrowsAsync<ForbiddenException>(() => PayAsync(setup.Moderator, reward.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => PayAsync(setup.Owner, reward.Id));
        await Assert.ThrowsAsync<ForbiddenException>(() => PayAsync(setup.Creatives[2], reward.Id));

        Assert.False((await RewardsAsync(setup.Challenge))[0].IsPaid);
    }

    [Fact]
    public async Task The_challenge_completes_only_once_the_prizes_and_the_runner_up_rewards_are_all_paid()
    {
        var setup = await AnnouncedByRankingAsync(90m, RunnerUpRule.TopOfRanking, 1, entries: 3, shortlisted: []);
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var awards = await fixture.DbAsync(db => db.Awards.AsNoTracking().Where(award => award.ChallengeId == setup.Challenge).ToListAsync());
        foreach (var award in awards)
        {
            await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(award.Id, award.Version, $"SEPA-PRIZE-{award.Rank}")), admin);
        }

        Assert.Equal(ChallengeStatus.WinnersAnnounced, (await fixture.LoadAsync(setup.Challenge)).Status);

        await PayAsync(admin, Assert.Single(await RewardsAsync(setup.Challenge)).Id);

        Assert.Equal(ChallengeStatus.Completed, (await fixture.LoadAsync(setup.Challenge)).Status);
        var balance = (await LedgerAsync(setup.Challenge)).Sum(entry => entry.Direction * entry.Amount);
        Assert.Equal(0m, balance);
    }

    [Fact]
    public async Task With_only_winners_no_reward_is_decided_and_the_pool_stays_in_the_balance()
    {
        var setup = await AnnouncedByRankingAsync(90m, RunnerUpRule.TopOfRanking, 3, entries: 2, shortlisted: []);

        Assert.Empty(await RewardsAsync(setup.Challenge));
        var balance = (await LedgerAsync(setup.Challenge)).Sum(entry => entry.Direction * entry.Amount);
        Assert.Equal(6590m, balance);
    }
}
