using System.Runtime.CompilerServices;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// The panel's ranking (<see cref="Domain.Judging.Ranking"/>) computed by PostgreSQL, for the pages that show it over
/// thousands of entries: the judging board reads one page of it, the results CSV all of it, each in one statement,
/// instead of loading every entry and scorecard to rank them in memory. The rules are the domain's, written as SQL:
/// only cards of current panel members that mark every published criterion count; an entry's score is the mean of its
/// judges' weighted marks (marks times published weights, over their sum), rounded to two decimals half away from
/// zero; equal scores share a rank (1, 1, 3) and are ties; unscored entries come last without a rank; among equals the
/// earlier submission goes first. <c>PanelRankingTests</c> checks that both rank alike on the same scorecards.
/// </summary>
internal static class PanelRanking
{
    /// <summary>
    /// Common table expressions over {0} the challenge, {1} the criteria's names and {2} their weights, in the published
    /// order, and {3} the viewer, whose own weighted mark each row carries; {grid} is each entry's marks (one row per
    /// counted card, one column per criterion) for the report that averages them, or null.
    /// <c>cards</c>: each counted card's points (its marks times the weights: its weighted mark times the weights'
    /// total) and marks; <c>ranked</c>: every approved entry with its number (submission order), position in the
    /// ranking, score, rank, tie and judge count; <c>authors</c>: the order of the pseudonyms (by first entry, whatever
    /// became of it: <see cref="Entries.AuthorVisibility"/>). Published criteria always exist and weigh 100 in all
    /// (<see cref="Challenge"/> refuses to publish otherwise), so the total is never zero; a card holds one mark per
    /// criterion, keyed by its name (<see cref="Domain.Judging.Scorecard"/>). Integer points and one division per entry
    /// keep it cheap and exact (the mean of the weighted marks is the points' mean over the total).
    /// </summary>
    private const string Ranked = """
        WITH criteria AS (
            SELECT k.name, k.weight, k.position::int AS position
            FROM unnest({1}::text[], {2}::int[]) WITH ORDINALITY AS k(name, weight, position)
        ), cards AS (
            SELECT s."EntryId", s."JudgeUserId", m.points, m.marks
            FROM "Scorecards" AS s
            JOIN "ChallengeJudges" AS j ON j."ChallengeId" = s."ChallengeId" AND j."JudgeUserId" = s."JudgeUserId"
            CROSS JOIN LATERAL (
                SELECT count(*) AS matched, sum(r."Value" * c.weight) AS points, array_agg(r."Value" ORDER BY c.position) AS marks
                FROM jsonb_to_recordset(s."Scores") AS r("Criterion" text, "Value" int)
                JOIN criteria AS c ON c.name = r."Criterion"
            ) AS m
            WHERE s."ChallengeId" = {0} AND m.matched = (SELECT count(*) FROM criteria)
        ), scored AS (
            SELECT "EntryId", count(*)::int AS judges,
                round(sum(points)::numeric / (count(*) * (SELECT sum(weight) FROM criteria)), 2) AS score,
                round(max(points) FILTER (WHERE "JudgeUserId" = {3})::numeric / (SELECT sum(weight) FROM criteria), 2) AS mine,
                {grid} AS grid
            FROM cards
            GROUP BY "EntryId"
        ), numbered AS (
            SELECT e."Id" AS "EntryId", row_number() OVER (ORDER BY e."SubmittedAt", e."Id")::int AS "Number"
            FROM "Entries" AS e
            WHERE e."ChallengeId" = {0} AND e."Status" = 'Approved'
        ), ranked AS (
            SELECT n."EntryId", n."Number", max(n."Number") OVER () AS "EntryCount", s.score AS "Score",
                coalesce(s.judges, 0) AS "JudgeCount", s.mine AS "MyScore", s.grid,
                row_number() OVER byScore::int AS "Position",
                CASE WHEN s.score IS NOT NULL THEN rank() OVER (ORDER BY s.score DESC NULLS LAST)::int END AS "Rank",
                coalesce(s.score = lag(s.score) OVER byScore OR s.score = lead(s.score) OVER byScore, false) AS "IsTied"
            FROM numbered AS n
            LEFT JOIN scored AS s ON s."EntryId" = n."EntryId"
            WINDOW byScore AS (ORDER BY s.score DESC NULLS LAST, n."Number")
        ), authors AS (
            SELECT "CreativeUserId", row_number() OVER (ORDER BY min("SubmittedAt"), "CreativeUserId")::int AS "AuthorOrder"
            FROM "Entries"
            WHERE "ChallengeId" = {0}
            GROUP BY "CreativeUserId"
        )
        """;

    /// <summary>
    /// One page of the ranking (the page asked for, or the last one), plus the rows of <paramref name="alsoEntries"/>
    /// wherever they rank (the brand's picks), in ranking order. <paramref name="viewerId"/>'s own mark comes with each row.
    /// </summary>
    public static Task<List<BoardRow>> BoardPageAsync(
        this ICrowdsourceDb db, Challenge challenge, string viewerId, int page, int pageSize, IEnumerable<EntryId> alsoEntries,
        CancellationToken cancellationToken) =>
        db.Database.SqlQuery<BoardRow>(FormattableStringFactory.Create(Ranked.Replace("{grid}", "NULL::int[][]", StringComparison.Ordinal) + """
            , page AS (
                SELECT greatest(1, least({4}, (coalesce(max("EntryCount"), 0) + {5} - 1) / {5})) AS number FROM ranked
            )
            SELECT r."EntryId", r."Number", r."Position", r."EntryCount", r."Score", r."JudgeCount", r."Rank", r."IsTied",
                e."Title", e."CreativeUserId", e."IsShortlisted", a."AuthorOrder", u."DisplayName" AS "AuthorDisplayName",
                r."MyScore", p.number AS "Page",
                r."Position" > (p.number - 1) * {5} AND r."Position" <= p.number * {5} AS "IsOnPage",
                f."Id" AS "PreviewFileId", f."FileName" AS "PreviewFileName", f."ThumbnailFileId" IS NOT NULL AS "PreviewHasThumbnail"
            FROM ranked AS r
            CROSS JOIN page AS p
            JOIN "Entries" AS e ON e."Id" = r."EntryId"
            JOIN authors AS a ON a."CreativeUserId" = e."CreativeUserId"
            LEFT JOIN "AspNetUsers" AS u ON u."Id" = e."CreativeUserId"
            LEFT JOIN LATERAL (
                -- The first image (EntryPreview, EntryFile.IsImage).
                SELECT ef."Id", ef."FileName", ef."ThumbnailFileId"
                FROM "EntryFiles" AS ef
                WHERE ef."EntryId" = r."EntryId" AND ef."ContentType" LIKE 'image/%'
                ORDER BY ef."Position"
                LIMIT 1
            ) AS f ON true
            WHERE (r."Position" > (p.number - 1) * {5} AND r."Position" <= p.number * {5}) OR r."EntryId" = ANY({6})
            ORDER BY r."Position"
            """,
            challenge.Id.Value, Names(challenge), Weights(challenge), viewerId, page, pageSize,
            alsoEntries.Select(id => id.Value).ToArray())).ToListAsync(cancellationToken);

    /// <summary>Every approved entry in ranking order with its per-criterion averages, its author and its prizes.</summary>
    public static IQueryable<ResultRow> ResultRows(this ICrowdsourceDb db, Challenge challenge) =>
        db.Database.SqlQuery<ResultRow>(FormattableStringFactory.Create(Ranked.Replace("{grid}", "array_agg(marks)", StringComparison.Ordinal) + """
            SELECT r."EntryId", r."Rank", r."Score", r."JudgeCount", e."Title", e."CreativeUserId", a."AuthorOrder",
                u."DisplayName" AS "AuthorDisplayName", u."Email" AS "AuthorEmail",
                -- The mean of each column of the entry's marks (one row per counted card, one column per criterion;
                -- unnest reads them row after row).
                (SELECT array_agg(average ORDER BY criterion)
                    FROM (SELECT (u.n - 1) % array_length(r.grid, 2) AS criterion, round(avg(u.mark), 2) AS average
                        FROM unnest(r.grid) WITH ORDINALITY AS u(mark, n) GROUP BY 1) AS per_criterion) AS "Averages",
                (SELECT count(*)::int FROM "ChallengeJudges" WHERE "ChallengeId" = {0}) AS "PanelSize",
                w."PrizeAmounts", w."PrizeCurrencies"
            FROM ranked AS r
            JOIN "Entries" AS e ON e."Id" = r."EntryId"
            JOIN authors AS a ON a."CreativeUserId" = e."CreativeUserId"
            LEFT JOIN "AspNetUsers" AS u ON u."Id" = e."CreativeUserId"
            LEFT JOIN (
                -- Tiers in order, the people's choice (rank 0) last.
                SELECT aw."EntryId", array_agg(aw."Amount" ORDER BY aw."Rank" = 0, aw."Rank") AS "PrizeAmounts",
                    array_agg(aw."Currency"::text ORDER BY aw."Rank" = 0, aw."Rank") AS "PrizeCurrencies"
                FROM "Awards" AS aw
                WHERE aw."ChallengeId" = {0}
                GROUP BY aw."EntryId"
            ) AS w ON w."EntryId" = r."EntryId"
            ORDER BY r."Position"
            """,
            challenge.Id.Value, Names(challenge), Weights(challenge), string.Empty));

    private static string[] Names(Challenge challenge) => [.. challenge.Criteria.Select(criterion => criterion.Name)];

    private static int[] Weights(Challenge challenge) => [.. challenge.Criteria.Select(criterion => criterion.Weight)];

    /// <summary>A row of <see cref="BoardPageAsync"/>: the ranking's columns, the entry's, its author's and the viewer's mark.</summary>
    internal sealed class BoardRow
    {
        public Guid EntryId { get; init; }

        public int Number { get; init; }

        public int Position { get; init; }

        public int EntryCount { get; init; }

        public decimal? Score { get; init; }

        public int JudgeCount { get; init; }

        public int? Rank { get; init; }

        public bool IsTied { get; init; }

        public string Title { get; init; } = string.Empty;

        public string CreativeUserId { get; init; } = string.Empty;

        public bool IsShortlisted { get; init; }

        public int AuthorOrder { get; init; }

        public string? AuthorDisplayName { get; init; }

        public decimal? MyScore { get; init; }

        public int Page { get; init; }

        public bool IsOnPage { get; init; }

        public Guid? PreviewFileId { get; init; }

        public string? PreviewFileName { get; init; }

        public bool PreviewHasThumbnail { get; init; }
    }

    /// <summary>A row of <see cref="ResultRows"/>.</summary>
    internal sealed class ResultRow
    {
        public Guid EntryId { get; init; }

        public int? Rank { get; init; }

        public decimal? Score { get; init; }

        public int JudgeCount { get; init; }

        public string Title { get; init; } = string.Empty;

        public string CreativeUserId { get; init; } = string.Empty;

        public int AuthorOrder { get; init; }

        public string? AuthorDisplayName { get; init; }

        public string? AuthorEmail { get; init; }

        /// <summary>The mean mark per criterion, in the published order; null when nobody scored the entry.</summary>
        public decimal[]? Averages { get; init; }

        public int PanelSize { get; init; }

        public decimal[]? PrizeAmounts { get; init; }

        public string[]? PrizeCurrencies { get; init; }
    }
}
