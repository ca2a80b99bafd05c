using Crowdsource.Application.Common;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>
/// The brand dashboard's insight, for its latest opened challenges that have entries (at most <see cref="Limit"/>, so the
/// dashboard stays small however many challenges the brand ran): entries per day from the opening to the deadline
/// (counted in the viewer's time zone), entries by status, and the panel's average mark per criterion. Counted by the
/// database in one statement (grouped entries and marks per challenge); no entry or scorecard is loaded.
/// </summary>
public static class GetBrandInsight
{
    /// <summary>How many challenges the insight covers: the ones opened last.</summary>
    public const int Limit = 3;

    /// <summary>Insight on the brand's challenges; days are counted in the zone <c>TimeZoneId</c> (IANA, UTC when unknown).</summary>
    public sealed record Query(BrandId BrandId, string TimeZoneId) : IQuery<IReadOnlyList<ChallengeInsight>>;

    public sealed record ChallengeInsight(ChallengeId Id, string Title, DateOnly FirstDay, DateOnly LastDay, IReadOnlyList<Day> Days,
        IReadOnlyList<StatusCount> ByStatus, IReadOnlyList<CriterionAverage> Criteria)
    {
        /// <summary>Entries still in the challenge (withdrawn ones are not counted in the chart).</summary>
        public int Total => Days.Count == 0 ? 0 : Days[^1].Cumulative;

        /// <summary>How many days the axis spans, from the opening to the deadline.</summary>
        public int Span => LastDay.DayNumber - FirstDay.DayNumber + 1;
    }

    /// <summary>One day up to today (or the deadline): entries sent that day and since the opening.</summary>
    public sealed record Day(DateOnly Date, int New, int Cumulative);

    public sealed record StatusCount(EntryStatus Status, int Count);

    /// <summary>The average mark (0 to 10) given on a criterion across all scorecards; null when nobody scored yet.</summary>
    public sealed record CriterionAverage(string Criterion, decimal? Average);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<ChallengeInsight>>
    {
        public async ValueTask<IReadOnlyList<ChallengeInsight>> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = currentUser.RequireId();
            var zone = ZoneOrUtc(query.TimeZoneId);
            var zoneId = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : "UTC";

            // One statement: membership (anyone else learns nothing, 404), the latest opened challenges with entries (an
            // entry needs an opened challenge, so the opening date orders them, over the index on brand and opening), and
            // per challenge its entries counted by status and day, and the average mark per criterion.
            var brand = await db.Brands.AsNoTracking()
                .Where(candidate => candidate.Id == query.BrandId && candidate.Members.Any(member => member.UserId == me))
                .Select(candidate => new
                {
                    Challenges = db.Challenges
                        .Where(challenge => challenge.BrandId == candidate.Id && challenge.SubmissionOpensAt != null
                            && db.Entries.Any(entry => entry.ChallengeId == challenge.Id))
                        .OrderByDescending(challenge => challenge.SubmissionOpensAt).ThenBy(challenge => challenge.Id)
                        .Take(Limit)
                        .Select(challenge => new
                        {
                            challenge.Id, challenge.Title, challenge.SubmissionOpensAt, challenge.SubmissionDeadline, challenge.Criteria,
                            // One grouping serves both charts: by status (every entry) and per day (withdrawn ones left out).
                            Counts = db.Entries
                                .Where(entry => entry.ChallengeId == challenge.Id)
                                .GroupBy(entry => new { entry.Status, Day = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(entry.SubmittedAt.UtcDateTime, zoneId).Date })
                                .Select(group => new { group.Key.Status, group.Key.Day, Count = group.Count() })
                                .ToList(),
                            Averages = db.Scorecards
                                .Where(card => card.ChallengeId == challenge.Id)
                                .SelectMany(card => card.Scores, (card, score) => new { score.Criterion, score.Value })
                                .GroupBy(score => score.Criterion)
                                .Select(group => new { Criterion = group.Key, Average = group.Average(score => (decimal)score.Value) })
                                .ToList(),
                        })
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new Common.Exceptions.NotFoundException();

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
            return [.. brand.Challenges.Select(challenge =>
            {
                var first = LocalDay(challenge.SubmissionOpensAt!.Value, zone);
                var last = LocalDay(challenge.SubmissionDeadline ?? clock.GetUtcNow(), zone);
                var counts = challenge.Counts.Where(row => row.Status != EntryStatus.Withdrawn).GroupBy(row => row.Day)
                    .ToDictionary(group => DateOnly.FromDateTime(group.Key), group => group.Sum(row => row.Count));
                return new ChallengeInsight(challenge.Id, challenge.Title, first, last, Cumulative(first, Min(last, today), counts),
                    [.. challenge.Counts.GroupBy(row => row.Status).OrderBy(group => group.Key).Select(group => new StatusCount(group.Key, group.Sum(row => row.Count)))],
                    [.. challenge.Criteria.Select(criterion => new CriterionAverage(criterion.Name, challenge.Averages
                        .Where(row => row.Criterion == criterion.Name)
                        .Select(row => (decimal?)decimal.Round(row.Average, 1)).SingleOrDefault()))]);
            })];
        }

        private static List<Day> Cumulative(DateOnly first, DateOnly last, Dictionary<DateOnly, int> counts)
        {
            var days = new List<Day>();
            var total = counts.Where(count => count.Key < first).Sum(count => count.Value); // none, unless the opening moved
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                var sent = counts.GetValueOrDefault(date);
                total += sent;
                days.Add(new Day(date, sent, total));
            }

            return days;
        }

        private static DateOnly Min(DateOnly one, DateOnly other) => one < other ? one : other;

        private static DateOnly LocalDay(DateTimeOffset moment, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);

        private static TimeZoneInfo ZoneOrUtc(string? id) =>
            !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
