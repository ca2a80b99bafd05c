using System.Runtime.CompilerServices;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// The panel's ranking (<see cref="Domain.Judging.Ranking"/>) computed by PostgreSQL, for the pages that show it over
/// thousands of entries: the judging board reads one page of it, the results CSV streams it, each in one statement,
/// instead of loading every entry and scorecard to rank them in memory. The rules are the domain's, written as SQL:
/// only cards of current panel members that mark every published criterion count; an entry's score is the mean of its
/// judges' weighted marks (marks times published weights, over their sum), rounded to two decimals half away from
/// zero; equal scores share a rank (1, 1, 3) and are ties; unscored entries come last without a rank; among equals the
/// earlier submission goes first. <c>PanelRankingTests</c> compares both on the same scorecards.
/// </summary>
internal static class PanelRanking
{
    /// <summary>
    /// Common table expressions over {0} the challenge, {1} the criteria's names and {2} their weights, in the published
    /// order. <c>cards</c>: the weighted mark of each counted card; <c>ranked</c>: every approved entry with its number
    /// (submission order), position in the ranking, score, rank, tie and judge count. Published criteria always exist
    /// and weigh 100 in all (<see cref="Challenge"/> refuses to publish otherwise), so the sum is never zero.
    /// A card holds one mark per criterion, keyed by its name (<see cref="Domain.Judging.Scorecard"/>).
    /// </summary>
    private const string Ranked = """
        WITH criteria AS (
            SELECT k.name, k.weight, k.position::int AS position
            FROM unnest({1}::text[], {2}::int[]) WITH ORDINALITY AS k(name, weight, position)
        ), marks AS (
            SELECT s."EntryId", s."JudgeUserId", c.position, c.weight, r."Value" AS mark
            FROM "Scorecards" AS s
            JOIN "ChallengeJudges" AS j ON j."ChallengeId" = s."ChallengeId" AND j."JudgeUserId" = s."JudgeUserId"
            CROSS JOIN LATERAL jsonb_to_recordset(s."Scores") AS r("Criterion" text, "Value" int)
            JOIN criteria AS c ON c.name = r."Criterion"
            WHERE s."ChallengeId" = {0}
        ), cards AS (
            SELECT "EntryId", "JudgeUserId", sum(mark * weight)::numeric / (SELECT sum(weight) FROM criteria) AS weighted
            FROM marks
            GROUP BY "EntryId", "JudgeUserId"
            HAVING count(*) = (SELECT count(*) FROM criteria)
        ), scored AS (
            SELECT "EntryId", count(*)::int AS judges, round(avg(weighted), 2) AS score
            FROM cards
            GROUP BY "EntryId"
        ), ranked AS (
            SELECT e."Id" AS "EntryId", e."Title", e."CreativeUserId", e."IsShortlisted",
                row_number() OVER (ORDER BY e."SubmittedAt", e."Id")::int AS "Number",
                row_number() OVER (ORDER BY s.score DESC NULLS LAST, e."SubmittedAt", e."Id")::int AS "Position",
                count(*) OVER ()::int AS "EntryCount",
                s.score AS "Score",
                coalesce(s.judges, 0) AS "JudgeCount",
                CASE WHEN s.score IS NOT NULL THEN rank() OVER (ORDER BY s.score DESC NULLS LAST)::int END AS "Rank",
                s.score IS NOT NULL AND count(*) OVER (PARTITION BY s.score) > 1 AS "IsTied"
            FROM "Entries" AS e
            LEFT JOIN scored AS s ON s."EntryId" = e."Id"
            WHERE e."ChallengeId" = {0} AND e."Status" = 'Approved'
        ), authors AS (
            -- Pseudonyms are numbered in the order authors first entered, whatever became of their entries (AuthorVisibility).
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
        db.Database.SqlQuery<BoardRow>(FormattableStringFactory.Create(Ranked + """
            , page AS (
                SELECT greatest(1, least({3}, (count(*)::int + {4} - 1) / {4})) AS number FROM ranked
            )
            SELECT r."EntryId", r."Number", r."Position", r."EntryCount", r."Score", r."JudgeCount", r."Rank", r."IsTied",
                r."Title", r."CreativeUserId", r."IsShortlisted", a."AuthorOrder", u."DisplayName" AS "AuthorDisplayName",
                round(mine.weighted, 2) AS "MyScore", p.number AS "Page",
                r."Position" > (p.number - 1) * {4} AND r."Position" <= p.number * {4} AS "IsOnPage",
                f."Id" AS "PreviewFileId", f."FileName" AS "PreviewFileName", f."ThumbnailFileId" IS NOT NULL AS "PreviewHasThumbnail"
            FROM ranked AS r
            CROSS JOIN page AS p
            JOIN authors AS a ON a."CreativeUserId" = r."CreativeUserId"
            LEFT JOIN "AspNetUsers" AS u ON u."Id" = r."CreativeUserId"
            LEFT JOIN cards AS mine ON mine."EntryId" = r."EntryId" AND mine."JudgeUserId" = {5}
            LEFT JOIN LATERAL (
                -- The first image (EntryPreview, EntryFile.IsImage).
                SELECT ef."Id", ef."FileName", ef."ThumbnailFileId"
                FROM "EntryFiles" AS ef
                WHERE ef."EntryId" = r."EntryId" AND ef."ContentType" LIKE 'image/%'
                ORDER BY ef."Position"
                LIMIT 1
            ) AS f ON true
            WHERE (r."Position" > (p.number - 1) * {4} AND r."Position" <= p.number * {4}) OR r."EntryId" = ANY({6})
            ORDER BY r."Position"
            """,
            challenge.Id.Value, Names(challenge), Weights(challenge), page, pageSize, viewerId,
            alsoEntries.Select(id => id.Value).ToArray())).ToListAsync(cancellationToken);

    /// <summary>Every approved entry in ranking order with its per-criterion averages, its author and its prizes, as they come.</summary>
    public static IAsyncEnumerable<ResultRow> ResultRowsAsync(this ICrowdsourceDb db, Challenge challenge) =>
        db.Database.SqlQuery<ResultRow>(FormattableStringFactory.Create(Ranked + """
            , averages AS (
                SELECT "EntryId", array_agg(average ORDER BY position) AS "Averages"
                FROM (
                    SELECT m."EntryId", m.position, round(avg(m.mark), 2) AS average
                    FROM marks AS m
                    JOIN cards AS c ON c."EntryId" = m."EntryId" AND c."JudgeUserId" = m."JudgeUserId"
                    GROUP BY m."EntryId", m.position
                ) AS per_criterion
                GROUP BY "EntryId"
            )
            SELECT r."EntryId", r."Rank", r."Score", r."JudgeCount", r."Title", r."CreativeUserId", a."AuthorOrder",
                u."DisplayName" AS "AuthorDisplayName", u."Email" AS "AuthorEmail", v."Averages",
                (SELECT count(*)::int FROM "ChallengeJudges" WHERE "ChallengeId" = {0}) AS "PanelSize",
                w."PrizeAmounts", w."PrizeCurrencies"
            FROM ranked AS r
            JOIN authors AS a ON a."CreativeUserId" = r."CreativeUserId"
            LEFT JOIN "AspNetUsers" AS u ON u."Id" = r."CreativeUserId"
            LEFT JOIN averages AS v ON v."EntryId" = r."EntryId"
            LEFT JOIN LATERAL (
                -- Tiers in order, the people's choice (rank 0) last.
                SELECT array_agg(aw."Amount" ORDER BY aw."Rank" = 0, aw."Rank") AS "PrizeAmounts",
                    array_agg(aw."Currency"::text ORDER BY aw."Rank" = 0, aw."Rank") AS "PrizeCurrencies"
                FROM "Awards" AS aw
                WHERE aw."ChallengeId" = {0} AND aw."EntryId" = r."EntryId"
            ) AS w ON true
            ORDER BY r."Position"
            """,
            challenge.Id.Value, Names(challenge), Weights(challenge))).AsAsyncEnumerable();

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

    /// <summary>A row of <see cref="ResultRowsAsync"/>.</summary>
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
