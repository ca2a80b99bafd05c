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
/// database in grouped queries (one for the entries, one for the marks); no entry or scorecard is loaded.
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
            var brand = await db.MemberBrandAsync(currentUser, query.BrandId, cancellationToken);
            var zone = ZoneOrUtc(query.TimeZoneId);
            var zoneId = zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : "UTC";

            var challenges = await db.Challenges.AsNoTracking()
                .Where(challenge => challenge.BrandId == brand.Id && db.Entries.Any(entry => entry.ChallengeId == challenge.Id))
                .OrderByDescending(challenge => challenge.SubmissionOpensAt ?? challenge.CreatedAt).ThenBy(challenge => challenge.Id)
                .Take(Limit)
                .ToListAsync(cancellationToken);
            if (challenges.Count == 0)
            {
                return [];
            }

            var challengeIds = challenges.Select(challenge => challenge.Id).ToList();

            // One grouping serves both charts: by status (every entry) and per day (withdrawn ones left out).
            var counts = await db.Entries.AsNoTracking().IgnoreAutoIncludes()
                .Where(entry => challengeIds.Contains(entry.ChallengeId))
                .GroupBy(entry => new { entry.ChallengeId, entry.Status, Day = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(entry.SubmittedAt.UtcDateTime, zoneId).Date })
                .Select(group => new { group.Key.ChallengeId, group.Key.Status, group.Key.Day, Count = group.Count() })
                .ToListAsync(cancellationToken);
            var byStatus = counts.GroupBy(row => new { row.ChallengeId, row.Status })
                .Select(group => new { group.Key.ChallengeId, group.Key.Status, Count = group.Sum(row => row.Count) }).ToList();
            var perDay = counts.Where(row => row.Status != EntryStatus.Withdrawn).GroupBy(row => new { row.ChallengeId, row.Day })
                .Select(group => new { group.Key.ChallengeId, group.Key.Day, Count = group.Sum(row => row.Count) }).ToList();

            var averages = await db.Scorecards.AsNoTracking()
                .Where(card => challengeIds.Contains(card.ChallengeId))
                .SelectMany(card => card.Scores, (card, score) => new { card.ChallengeId, score.Criterion, score.Value })
                .GroupBy(score => new { score.ChallengeId, score.Criterion })
                .Select(group => new { group.Key.ChallengeId, group.Key.Criterion, Average = group.Average(score => (decimal)score.Value) })
                .ToListAsync(cancellationToken);

            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
            return [.. challenges.Select(challenge =>
            {
                var first = LocalDay(challenge.SubmissionOpensAt ?? challenge.CreatedAt, zone);
                var last = LocalDay(challenge.SubmissionDeadline ?? clock.GetUtcNow(), zone);
                var counts = perDay.Where(row => row.ChallengeId == challenge.Id).ToDictionary(row => DateOnly.FromDateTime(row.Day), row => row.Count);
                return new ChallengeInsight(challenge.Id, challenge.Title, first, last, Cumulative(first, Min(last, today), counts),
                    [.. byStatus.Where(row => row.ChallengeId == challenge.Id).OrderBy(row => row.Status).Select(row => new StatusCount(row.Status, row.Count))],
                    [.. challenge.Criteria.Select(criterion => new CriterionAverage(criterion.Name, averages
                        .Where(row => row.ChallengeId == challenge.Id && row.Criterion == criterion.Name)
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
