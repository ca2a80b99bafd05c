using Crowdsource.Application.Awards;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Moderation;
using Crowdsource.Application.Offers;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Moderation;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Brands;

/// <summary>
/// A brand's public fairness record is computed from what happened (challenge dates, the ledger, report outcomes,
/// ratings), never typed in: each figure moves with the event it counts, and another brand's events never count.
/// </summary>
public sealed class BrandFairnessRecordTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_brand_that_never_ran_a_challenge_says_it_has_no_history()
    {
        var (brand, _) = await fixture.BrandWithOwnerAsync();

        var record = await RecordAsync(brand);

        Assert.False(record.HasHistory);
        Assert.Equal((0, 0, 0, 0, 0), (record.ChallengesRun, record.ResultsDue, record.PaymentsMade, record.PaymentsAwaited, record.ReportsUpheld));
        Assert.Empty(record.Money);
        Assert.Null(record.MedianDaysToPayment);
        Assert.Null(record.OnTimeShare);
    }

    [Fact]
    public async Task Funding_results_payments_feedback_and_upheld_reports_each_count_once_for_their_brand()
    {
        var finished = await fixture.FinishedAsync(creatives: 4, beforeJudging: async open =>
            await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(open.Entries[0].Entry, 4, "Warmer colours?")), open.Owner));
        var challenge = await fixture.LoadAsync(finished.Challenge);
        var brand = challenge.BrandId;

        var beforePayment = await RecordAsync(brand);
        Assert.True(beforePayment.HasHistory);
        Assert.Equal((1, 0, 1, 1, 0, 2), (beforePayment.ChallengesRun, beforePayment.ChallengesCancelled, beforePayment.ResultsDue,
            beforePayment.ResultsOnTime, beforePayment.PaymentsMade, beforePayment.PaymentsAwaited));
        Assert.Equal([new BrandFairnessRecord.MoneyTotal("EUR", challenge.PrizePool, 0, 0)], beforePayment.Money);
        Assert.Equal(new BrandFeedbackRecord.Record(1, 4, 1), beforePayment.Feedback);

        // The first prize paid 3 days after the judging deadline, the second 5 days after: a median of 4 days.
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var deadline = challenge.JudgingDeadline!.Value;
        var (first, second) = (finished.Awards.Single(award => award.Rank == 1), finished.Awards.Single(award => award.Rank == 2));
        fixture.Clock.SetUtcNow(deadline.AddDays(3));
        await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(first.Id, first.Version, "SEPA-FAIR-1")), admin);
        fixture.Clock.SetUtcNow(deadline.AddDays(5));
        var secondNow = await fixture.AwardAsync(second.Id);
        await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(secondNow.Id, secondNow.Version, "SEPA-FAIR-2")), admin);

        // Offers on the two entries that did not win: one declined, one accepted and paid.
        var (declining, bought) = (finished.Losers.First(), finished.Losers.Last());
        Assert.NotEqual(declining.Entry, bought.Entry);
        var refused = await fixture.SendAsync(sender => sender.Send(new MakeOffer.Command(declining.Entry, 300m, "We would like to print it.", null)), finished.Owner);
        await fixture.SendAsync(sender => sender.Send(new DeclineOffer.Command(refused)), declining.Creative);
        var offer = await fixture.SendAsync(sender => sender.Send(new MakeOffer.Command(bought.Entry, 450m, "We would like to print it.", null)), finished.Owner);
        await fixture.SendAsync(sender => sender.Send(new AcceptOffer.Command(offer, challenge.LicenceVersionId!.Value, true)), bought.Creative);
        var offerVersion = await fixture.DbAsync(db => db.EntryOffers.Where(row => row.Id == offer).Select(row => row.Version).SingleAsync());
        await fixture.SendAsync(sender => sender.Send(new MarkOfferPaid.Command(offer, offerVersion, "SEPA-FAIR-OFFER")), admin);

        // Reports: one upheld on the challenge counts; a dismissed one, and one upheld about a creative's entry, do not.
        var reader = await fixture.ConfirmedAsync();
        var upheld = await ReportAsync(reader, finished.Challenge, null);
        var dismissed = await ReportAsync(reader, finished.Challenge, null);
        var aboutAnEntry = await ReportAsync(finished.Moderator, null, finished.Entries[2].Entry);
        await ResolveAsync(upheld, ReportOutcome.Upheld);
        await ResolveAsync(dismissed, ReportOutcome.Dismissed);
        await ResolveAsync(aboutAnEntry, ReportOutcome.Upheld);

        var record = await RecordAsync(brand);

        Assert.Equal((1, 1, 1, 2, 0, 1), (record.ChallengesRun, record.ResultsDue, record.ResultsOnTime, record.PaymentsMade, record.PaymentsAwaited,
            record.ReportsUpheld));
        Assert.Equal([new BrandFairnessRecord.MoneyTotal("EUR", challenge.PrizePool, first.Amount + second.Amount, 450m)], record.Money);
        Assert.Equal((2, 1), (record.OffersMade, record.OffersPaid));
        Assert.Equal(4, record.MedianDaysToPayment!.Value, precision: 3);
        Assert.Equal(1m, record.OnTimeShare);

        var other = await fixture.FinishedAsync(creatives: 1); // another brand's challenge and prize: never in this record
        Assert.Equal(record, await RecordAsync(brand) with { Money = record.Money });
        Assert.Equal((1, 1), ((await RecordAsync((await fixture.LoadAsync(other.Challenge)).BrandId)).ChallengesRun, (await RecordAsync(brand)).ChallengesRun));
    }

    [Fact]
    public async Task Results_still_missing_after_the_judging_deadline_count_as_late()
    {
        var judging = await fixture.InJudgingAsync(approved: 2);
        var challenge = await fixture.LoadAsync(judging.Challenge);
        var running = await RecordAsync(judging.Brand);

        Assert.Equal((1, 0, false), (running.ChallengesRun, running.ResultsDue, running.HasHistory));

        fixture.Clock.SetUtcNow(challenge.JudgingDeadline!.Value + BrandFairnessRecord.OnTimeTolerance + TimeSpan.FromMinutes(1));
        var record = await RecordAsync(judging.Brand);

        Assert.Equal((1, 0), (record.ResultsDue, record.ResultsOnTime));
        Assert.Equal(0m, record.OnTimeShare);
    }

    private Task<BrandFairnessRecord.Record> RecordAsync(Domain.Brands.BrandId brand) =>
        fixture.SendAsync(sender => sender.Send(new BrandFairnessRecord.Query(brand)));

    private async Task<Guid> ReportAsync(Actor reader, Domain.Challenges.ChallengeId? challenge, Domain.Entries.EntryId? entry) =>
        await fixture.SendAsync(sender => sender.Send(new ReportContent.Command(challenge, entry, ReportReason.RulesBreach,
            "The brief asks for unpaid extra work before the deadline.")), reader);

    private async Task ResolveAsync(Guid report, ReportOutcome outcome) =>
        await fixture.SendAsync(sender => sender.Send(new ResolveReport.Command(report, outcome, "Looked into it with the brand.")),
            await fixture.ConfirmedAsync(Roles.Moderator));
}
