using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Mediator;

namespace Crowdsource.Application.Judging;

/// <summary>
/// The judging report as a CSV file, for the brand's members and the moderators once the results are out: one row per
/// judge and entry with each criterion's mark and comment and the overall comment. Judges appear as "Judge 1",
/// "Judge 2"… in the order they joined the panel, as the creatives see them.
/// </summary>
public static class GetScoresCsv
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<GetResultsCsv.Document>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, GetResultsCsv.Document>
    {
        public async ValueTask<GetResultsCsv.Document> Handle(Query query, CancellationToken cancellationToken)
        {
            var challenge = await db.AnnouncedChallengeForReportsAsync(currentUser, query.ChallengeId, cancellationToken);
            var (panel, approved, cards, _) = await db.PanelScoresAsync(challenge, cancellationToken);
            var authors = await db.AuthorNamesAsync(currentUser, challenge, cancellationToken);

            return new GetResultsCsv.Document($"scores-{challenge.Slug}.csv", Rows().ToAsyncEnumerable());

            IEnumerable<string> Rows()
            {
                var cardsByEntry = cards.ToLookup(card => card.EntryId);
                yield return Csv.Row([Messages.CsvEntryNumber, Messages.CsvEntry, Messages.CsvCreative, Messages.CsvJudge,
                    .. challenge.Criteria.SelectMany(criterion => new[] { criterion.Name, string.Format(CultureInfo.CurrentCulture, Messages.CsvCommentOn, criterion.Name) }),
                    Messages.CsvOverallComment]);
                foreach (var (entry, number) in approved.Select((entry, index) => (entry, index + 1)))
                {
                    foreach (var card in cardsByEntry[entry.Id].OrderBy(card => panel.IndexOf(card.JudgeUserId)))
                    {
                        yield return Csv.Row([
                            number.ToString(CultureInfo.InvariantCulture),
                            entry.Title,
                            authors[entry.CreativeUserId].Name,
                            string.Format(CultureInfo.CurrentCulture, Messages.CsvJudgeNumber, panel.IndexOf(card.JudgeUserId) + 1),
                            .. challenge.Criteria.Select(criterion => card.Scores.FirstOrDefault(score => score.Criterion == criterion.Name))
                                .SelectMany(score => new[] { score?.Value.ToString(CultureInfo.InvariantCulture) ?? string.Empty, score?.Comment ?? string.Empty }),
                            card.OverallComment ?? string.Empty]);
                    }
                }
            }
        }
    }
}
