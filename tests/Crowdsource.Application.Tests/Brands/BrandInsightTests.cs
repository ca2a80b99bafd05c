using Crowdsource.Application.Brands;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Brands;

public sealed class BrandInsightTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Entries_are_counted_per_day_by_status_and_the_panel_s_marks_averaged_per_criterion()
    {
        var (challenge, owner, licence) = await fixture.OpenAsync(); // opened on day 1, 09:02 UTC
        var brand = (await fixture.LoadAsync(challenge)).BrandId;
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var dario = await fixture.ConfirmedAsync(Roles.Creative);
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var first = await fixture.SubmitAsync(challenge, licence, chloe, "Paper wrapper", seed: 1);                // day 1
        fixture.Clock.Advance(TimeSpan.FromDays(2));
        var second = await fixture.SubmitAsync(challenge, licence, dario, "Glass jar", seed: 2);                   // day 3
        var withdrawn = await fixture.SubmitAsync(challenge, licence, dario, "Tin box", seed: 3);                  // day 3, then withdrawn
        await fixture.SendAsync(sender => sender.Send(new WithdrawEntry.Command(withdrawn)), dario);
        fixture.Clock.Advance(TimeSpan.FromHours(14.5));                                                          // day 3, 23:32 UTC: day 4 in Paris
        await fixture.SubmitAsync(challenge, licence, chloe, "Late idea", seed: 4);
        await fixture.ApproveAsync(first, moderator);
        await fixture.ApproveAsync(second, moderator);
        await fixture.ToJudgingAsync(challenge); // judges score only in judging
        await ScoreAsync(first, moderator, originality: 8, feasibility: 6);
        await ScoreAsync(first, await fixture.ConfirmedAsync(Roles.Moderator), originality: 6, feasibility: 5);
        await ScoreAsync(second, moderator, originality: 3, feasibility: 10);

        var insight = Assert.Single(await fixture.SendAsync(sender => sender.Send(new GetBrandInsight.Query(brand, "UTC")), owner));

        Assert.Equal(challenge, insight.Id);
        Assert.Equal([(1, 1), (0, 1), (2, 3)], insight.Days.Take(3).Select(day => (day.New, day.Cumulative)));
        Assert.All(insight.Days.Skip(3), day => Assert.Equal((0, 3), (day.New, day.Cumulative))); // the days since, up to judging
        Assert.Equal(3, insight.Total); // the withdrawn entry is not counted
        Assert.Equal(22, insight.Span); // from the opening day to the deadline day, both counted
        Assert.Equal([(EntryStatus.Submitted, 1), (EntryStatus.Approved, 2), (EntryStatus.Withdrawn, 1)],
            insight.ByStatus.Select(row => (row.Status, row.Count)));
        Assert.Equal([("Originality", 5.7m), ("Feasibility", 7.0m)], insight.Criteria.Select(row => (row.Criterion, row.Average)));

        var paris = Assert.Single(await fixture.SendAsync(sender => sender.Send(new GetBrandInsight.Query(brand, "Europe/Paris")), owner));
        Assert.Equal([(1, 1), (0, 1), (1, 2), (1, 3)], paris.Days.Take(4).Select(day => (day.New, day.Cumulative)));
        Assert.All(paris.Days.Skip(4), day => Assert.Equal((0, 3), (day.New, day.Cumulative)));
    }

    [Fact]
    public async Task A_challenge_without_scores_says_so_and_a_challenge_without_entries_is_left_out()
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        var brand = (await fixture.LoadAsync(challenge)).BrandId;
        await fixture.SubmitAsync(challenge, licence, await fixture.ConfirmedAsync(), "Only entry");
        var (_, otherBrand, otherOwner) = await fixture.CompleteDraftAsync();

        var insight = Assert.Single(await fixture.SendAsync(sender => sender.Send(new GetBrandInsight.Query(brand, "Not/AZone")), owner));

        Assert.All(insight.Criteria, row => Assert.Null(row.Average));
        Assert.Empty(await fixture.SendAsync(sender => sender.Send(new GetBrandInsight.Query(otherBrand, "UTC")), otherOwner));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetBrandInsight.Query(brand, "UTC")), otherOwner));
    }

    private Task<int> ScoreAsync(EntryId entryId, Actor judge, int originality, int feasibility) =>
        fixture.DbAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(candidate => candidate.Id == entryId);
            var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == entry.ChallengeId);
            var now = fixture.Clock.GetUtcNow();
            if (!await db.ChallengeJudges.AnyAsync(panel => panel.ChallengeId == challenge.Id && panel.JudgeUserId == judge.UserId))
            {
                db.ChallengeJudges.Add(ChallengeJudge.Assign(challenge, judge.UserId, ConflictOfInterest.None, judge.UserId, now));
            }

            db.Scorecards.Add(Scorecard.Record(challenge, entry, judge.UserId,
                [new CriterionScore("Originality", originality, null), new CriterionScore("Feasibility", feasibility, "Works")], null, now));
            return await db.SaveChangesAsync();
        });
}
