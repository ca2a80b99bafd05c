using System.Globalization;
using System.Text;
using Crowdsource.Application.Common;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// The results as a CSV file for the brand's members and the moderators, once announced: every approved entry in
/// ranking order with its creator, score, number of judges, per-criterion averages and any prize. Cells that a
/// spreadsheet would run as a formula are defused. The ranking is read in one statement; the text is written to the response
/// row by row, never held whole.
/// </summary>
public static class GetResultsCsv
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Document>;

    /// <summary>A CSV file: its name and its rows (each ending in CRLF), written out as they come.</summary>
    public sealed record Document(string FileName, IAsyncEnumerable<string> Rows)
    {
        /// <summary>Writes the file as UTF-8 with a byte order mark, so spreadsheets read the accents right.</summary>
        public async Task WriteToAsync(Stream output, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(output);
            await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
            var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                await foreach (var row in Rows.WithCancellation(cancellationToken))
                {
                    await writer.WriteAsync(row.AsMemory(), cancellationToken);
                }
            }
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Document>
    {
        public async ValueTask<Document> Handle(Query query, CancellationToken cancellationToken)
        {
            var challenge = await db.AnnouncedChallengeForReportsAsync(currentUser, query.ChallengeId, cancellationToken);
            // One statement, ranked by PostgreSQL (PanelRanking). Its rows are read before the handler returns: the
            // document may be written after this request's database context is gone. The text is made row by row.
            var rows = await db.ResultRows(challenge).ToListAsync(cancellationToken);
            return new Document($"results-{challenge.Slug}.csv", Rows().ToAsyncEnumerable());

            IEnumerable<string> Rows()
            {
                yield return Csv.Row([Messages.CsvRank, Messages.CsvEntry, Messages.CsvCreative, Messages.CsvScore, Messages.CsvJudges,
                    .. challenge.Criteria.Select(criterion => criterion.Name), Messages.CsvPrize]);
                foreach (var row in rows)
                {
                    yield return Csv.Row([
                        row.Rank?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                        row.Title,
                        AuthorVisibility.NameOf(challenge, currentUser, row.CreativeUserId, row.AuthorOrder, row.AuthorDisplayName, row.AuthorEmail).Name,
                        row.Score?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty,
                        string.Create(CultureInfo.InvariantCulture, $"{row.JudgeCount}/{row.PanelSize}"),
                        .. challenge.Criteria.Select((_, index) => row.Averages?[index].ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty),
                        string.Join(" + ", (row.PrizeAmounts ?? []).Zip(row.PrizeCurrencies ?? [],
                            (amount, currency) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.##} {currency}")))]);
                }
            }
        }
    }
}

/// <summary>
/// CSV (RFC 4180) whose cells a spreadsheet will not run as formulas, whatever separator it splits on: every cell is
/// quoted, and a cell that starts with a formula character, or holds one right after a ';' or ',' (where a spreadsheet
/// set to split on ';' would start a new cell), gets a leading apostrophe (OWASP, CSV injection).
/// </summary>
public static class Csv
{
    /// <summary>One row: every cell quoted and defused, ending in CRLF.</summary>
    public static string Row(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    private const string FormulaStarts = "=+-@\t\r";

    public static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (StartsAFormula(text))
        {
            text = "'" + text;
        }

        return $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }

    private static bool StartsAFormula(string text)
    {
        if (text.Length > 0 && FormulaStarts.Contains(text[0], StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] is ';' or ',' && FormulaStarts.Contains(text[i + 1], StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
