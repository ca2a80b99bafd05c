using System.Globalization;
using System.Text;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// The results as a CSV file for the brand's members and the moderators, once announced: every approved entry in
/// ranking order with its creator, score, number of judges, per-criterion averages and any prize. Cells that a
/// spreadsheet would run as a formula are defused.
/// </summary>
public static class GetResultsCsv
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Document>;

    public sealed record Document(string FileName, byte[] Content);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Document>
    {
        public async ValueTask<Document> Handle(Query query, CancellationToken cancellationToken)
        {
            var (challenge, viewer) = await db.VisibleChallengeAsync(currentUser, query.ChallengeId, cancellationToken);
            if (!viewer.IsStaff && !viewer.Brands.Contains(challenge.BrandId))
            {
                throw new ForbiddenException();
            }

            if (challenge.ResultsAnnouncedAt is null)
            {
                throw new NotFoundException();
            }

            var panel = await db.PanelAsync(challenge.Id, cancellationToken);
            var approved = await db.ApprovedEntriesAsync(challenge.Id, cancellationToken);
            var ranking = Ranking.Compute(challenge.Criteria, panel, approved, await db.ScorecardsAsync(challenge.Id, cancellationToken));
            var awards = await db.Awards.AsNoTracking().Where(award => award.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            var authorIds = approved.Select(entry => entry.CreativeUserId).Distinct().ToList();
            var names = await db.Users.AsNoTracking().Where(user => authorIds.Contains(user.Id)).ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);
            var byId = approved.ToDictionary(entry => entry.Id);

            var csv = new StringBuilder();
            AppendRow(csv, [Messages.CsvRank, Messages.CsvEntry, Messages.CsvCreative, Messages.CsvScore, Messages.CsvJudges,
                .. challenge.Criteria.Select(criterion => criterion.Name), Messages.CsvPrize]);
            foreach (var row in ranking)
            {
                var entry = byId[row.EntryId];
                var prizes = awards.Where(award => award.EntryId == entry.Id)
                    .Select(award => string.Create(CultureInfo.InvariantCulture, $"{award.Amount:0.##} {award.Currency}"));
                AppendRow(csv, [
                    row.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                    entry.Title,
                    names.GetValueOrDefault(entry.CreativeUserId) ?? string.Empty,
                    row.Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty,
                    string.Create(CultureInfo.InvariantCulture, $"{row.JudgeCount}/{panel.Count}"),
                    .. row.CriterionAverages.Select(average => average?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty),
                    string.Join(" + ", prizes)]);
            }

            // With a byte order mark, so spreadsheets read the accents right.
            var content = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
            return new Document($"results-{challenge.Slug}.csv", content);
        }

        private static void AppendRow(StringBuilder csv, IEnumerable<string> cells) =>
            csv.Append(string.Join(',', cells.Select(Csv.Cell))).Append("\r\n");
    }
}

/// <summary>CSV cells (RFC 4180) that a spreadsheet will not run as formulas.</summary>
public static class Csv
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedQuotes = [',', '"', '\r', '\n'];

    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && FormulaStarts.Contains(text[0]))
        {
            text = "'" + text;
        }

        return text.IndexOfAny(NeedQuotes) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
