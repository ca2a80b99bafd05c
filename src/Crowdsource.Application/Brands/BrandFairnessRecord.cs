using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>
/// A brand's public fairness record, read by creatives before they enter: how it ran its challenges, computed from
/// what the platform recorded (the challenges' own dates, the money ledger, the offers, the moderators' report
/// outcomes, the ratings), never typed in by anyone. Over every challenge a moderator published for the brand, whatever happened next.
/// One statement whatever the brand's size, over indexes on the brand (challenges, ledger) and on each challenge.
/// </summary>
public static class BrandFairnessRecord
{
    /// <summary>
    /// Results announced this long after the judging deadline still count as on time: the challenge clock awards the
    /// prizes from the panel's ranking within seconds of the deadline, and may be a little late after a restart.
    /// </summary>
    public static readonly TimeSpan OnTimeTolerance = TimeSpan.FromHours(1);

    public sealed record Query(BrandId BrandId) : IQuery<Record>;

    /// <summary>
    /// Money in one currency: what was funded into the brand's prize pools, what was paid out of them to creatives
    /// (prizes and runner-up rewards), and what the brand paid for offers on entries that did not win (outside the pools).
    /// </summary>
    public sealed record MoneyTotal(string Currency, decimal Funded, decimal Paid, decimal Offers);

    /// <param name="ChallengesRun">Challenges a moderator published for the brand.</param>
    /// <param name="ChallengesCancelled">Of those, cancelled after publication.</param>
    /// <param name="ResultsDue">Published, not cancelled, with results announced or a judging deadline passed.</param>
    /// <param name="ResultsOnTime">Of those, with results announced by the judging deadline (<see cref="OnTimeTolerance"/>).</param>
    /// <param name="Money">Funded and paid, per currency.</param>
    /// <param name="PaymentsMade">Prizes and runner-up rewards paid.</param>
    /// <param name="PaymentsAwaited">Prizes and runner-up rewards decided and not paid yet.</param>
    /// <param name="MedianDaysToPayment">Median days from the judging deadline to each payment (0 for a payment before it); null before any payment.</param>
    /// <param name="Feedback">How often the brand rated entries during its contests.</param>
    /// <param name="OffersMade">Offers it made on entries that did not win, whatever their answer.</param>
    /// <param name="OffersPaid">Of those, accepted and paid.</param>
    /// <param name="ReportsUpheld">Reports on its challenges that a moderator upheld.</param>
    public sealed record Record(
        int ChallengesRun, int ChallengesCancelled, int ResultsDue, int ResultsOnTime, IReadOnlyList<MoneyTotal> Money, int PaymentsMade,
        int PaymentsAwaited, double? MedianDaysToPayment, BrandFeedbackRecord.Record Feedback, int OffersMade, int OffersPaid, int ReportsUpheld)
    {
        /// <summary>
        /// Whether any of the brand's challenges has ended (results due, or cancelled): before that there is nothing to
        /// judge it by, and the page says so rather than showing zeros.
        /// </summary>
        public bool HasHistory => ResultsDue > 0 || ChallengesCancelled > 0;

        public decimal? OnTimeShare => ResultsDue == 0 ? null : (decimal)ResultsOnTime / ResultsDue;
    }

    /// <summary>The one row the statement returns; each column is one figure of the record (money as parallel arrays per currency).</summary>
    internal sealed class Row
    {
        public bool BrandExists { get; init; }

        public int ChallengesRun { get; init; }

        public int ChallengesCancelled { get; init; }

        public int ResultsDue { get; init; }

        public int ResultsOnTime { get; init; }

        public int PaymentsMade { get; init; }

        public int PaymentsAwaited { get; init; }

        public double? MedianDaysToPayment { get; init; }

        public int FinishedChallenges { get; init; }

        public int ApprovedEntries { get; init; }

        public int RatedEntries { get; init; }

        public int OffersMade { get; init; }

        public int OffersPaid { get; init; }

        public int ReportsUpheld { get; init; }

        public string[] Currencies { get; init; } = [];

        public decimal[] Funded { get; init; } = [];

        public decimal[] Paid { get; init; } = [];

        public decimal[] Offers { get; init; } = [];
    }

    internal sealed class Handler(ICrowdsourceDb db, TimeProvider clock) : IQueryHandler<Query, Record>
    {
        public async ValueTask<Record> Handle(Query query, CancellationToken cancellationToken)
        {
            var row = await db.Database.SqlQuery<Row>($"""
                WITH published AS (
                    SELECT "Id", "Status", "SubmissionDeadline", "JudgingDeadline", "ResultsAnnouncedAt"
                    FROM "Challenges" WHERE "BrandId" = {query.BrandId.Value} AND "PublishedAt" IS NOT NULL
                ), ledger AS (
                    SELECT "ChallengeId", "Movement", "Amount", "Currency", "RecordedAt" FROM "LedgerEntries" WHERE "BrandId" = {query.BrandId.Value}
                ), paid AS (
                    -- Days from the judging deadline to each payment to a creative (none before the deadline).
                    SELECT greatest(0, extract(epoch FROM l."RecordedAt" - p."JudgingDeadline") / 86400)::float8 AS days
                    FROM ledger AS l JOIN published AS p ON p."Id" = l."ChallengeId"
                    WHERE l."Movement" IN ({nameof(LedgerMovement.PrizePaid)}, {nameof(LedgerMovement.RunnerUpPaid)})
                ), finished AS (
                    SELECT "Id", "SubmissionDeadline" FROM published WHERE "ResultsAnnouncedAt" IS NOT NULL
                ), money AS (
                    SELECT "Currency",
                        coalesce(sum("Amount") FILTER (WHERE "Movement" = {nameof(LedgerMovement.PrizeFunded)}), 0) AS funded,
                        coalesce(sum("Amount") FILTER (WHERE "Movement" IN ({nameof(LedgerMovement.PrizePaid)}, {nameof(LedgerMovement.RunnerUpPaid)})), 0) AS paid,
                        coalesce(sum("Amount") FILTER (WHERE "Movement" = {nameof(LedgerMovement.OfferPaid)}), 0) AS offers
                    FROM ledger GROUP BY "Currency"
                )
                SELECT
                    EXISTS (SELECT 1 FROM "Brands" WHERE "Id" = {query.BrandId.Value}) AS "BrandExists",
                    (SELECT count(*) FROM published)::int AS "ChallengesRun",
                    (SELECT count(*) FROM published WHERE "Status" = {nameof(ChallengeStatus.Cancelled)})::int AS "ChallengesCancelled",
                    (SELECT count(*) FROM published WHERE "Status" <> {nameof(ChallengeStatus.Cancelled)}
                        AND ("ResultsAnnouncedAt" IS NOT NULL OR "JudgingDeadline" < {clock.GetUtcNow()}))::int AS "ResultsDue",
                    (SELECT count(*) FROM published WHERE "Status" <> {nameof(ChallengeStatus.Cancelled)}
                        AND "ResultsAnnouncedAt" <= "JudgingDeadline" + {OnTimeTolerance})::int AS "ResultsOnTime",
                    (SELECT count(*) FROM paid)::int AS "PaymentsMade",
                    ((SELECT count(*) FROM "Awards" AS a JOIN published AS p ON p."Id" = a."ChallengeId" WHERE a."PaidAt" IS NULL)
                        + (SELECT count(*) FROM "RunnerUpRewards" AS r JOIN published AS p ON p."Id" = r."ChallengeId" WHERE r."PaidAt" IS NULL))::int AS "PaymentsAwaited",
                    (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY days) FROM paid) AS "MedianDaysToPayment",
                    (SELECT count(*) FROM finished)::int AS "FinishedChallenges",
                    (SELECT count(*) FROM "Entries" AS e JOIN finished AS f ON f."Id" = e."ChallengeId"
                        WHERE e."Status" = {nameof(EntryStatus.Approved)})::int AS "ApprovedEntries",
                    (SELECT count(*) FROM "Entries" AS e JOIN finished AS f ON f."Id" = e."ChallengeId"
                        WHERE e."Status" = {nameof(EntryStatus.Approved)}
                        AND EXISTS (SELECT 1 FROM "EntryRatings" AS r WHERE r."EntryId" = e."Id" AND r."RatedAt" < f."SubmissionDeadline"))::int AS "RatedEntries",
                    (SELECT count(*) FROM "EntryOffers" WHERE "BrandId" = {query.BrandId.Value})::int AS "OffersMade",
                    (SELECT count(*) FROM ledger WHERE "Movement" = {nameof(LedgerMovement.OfferPaid)})::int AS "OffersPaid",
                    (SELECT count(*) FROM "Reports" AS r JOIN published AS p ON p."Id" = r."ChallengeId"
                        WHERE r."EntryId" IS NULL AND r."Outcome" = {nameof(ReportOutcome.Upheld)})::int AS "ReportsUpheld",
                    (SELECT coalesce(array_agg("Currency"::text ORDER BY "Currency"), ARRAY[]::text[]) FROM money) AS "Currencies",
                    (SELECT coalesce(array_agg(funded ORDER BY "Currency"), ARRAY[]::numeric[]) FROM money) AS "Funded",
                    (SELECT coalesce(array_agg(paid ORDER BY "Currency"), ARRAY[]::numeric[]) FROM money) AS "Paid",
                    (SELECT coalesce(array_agg(offers ORDER BY "Currency"), ARRAY[]::numeric[]) FROM money) AS "Offers"
                """).SingleAsync(cancellationToken);
            if (!row.BrandExists)
            {
                throw new NotFoundException();
            }

            return new Record(row.ChallengesRun, row.ChallengesCancelled, row.ResultsDue, row.ResultsOnTime,
                [.. row.Currencies.Select((currency, index) => new MoneyTotal(currency, row.Funded[index], row.Paid[index], row.Offers[index]))],
                row.PaymentsMade, row.PaymentsAwaited, row.MedianDaysToPayment,
                new BrandFeedbackRecord.Record(row.FinishedChallenges, row.ApprovedEntries, row.RatedEntries), row.OffersMade, row.OffersPaid,
                row.ReportsUpheld);
        }
    }
}
