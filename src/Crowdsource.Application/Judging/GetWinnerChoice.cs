using Crowdsource.Application.Brands;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// The brand's page for choosing winners: the approved entries in the panel's ranking order, with per-criterion
/// averages and the judges' comments (judges anonymous), the prize tiers and the current choice. Every member of the
/// brand sees it; only an Owner chooses, during judging and before the judging deadline.
/// </summary>
public static class GetWinnerChoice
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Choice>;

    public sealed record Choice(
        ChallengeId ChallengeId, string Title, ChallengeStatus Status, DateTimeOffset? JudgingDeadline, bool BlindJudging, bool ViewerIsOwner, bool CanChoose,
        IReadOnlyList<PrizeTier> Tiers, IReadOnlyList<JudgingCriterion> Criteria, int PanelSize, IReadOnlyList<Row> Rows,
        IReadOnlyList<WinnerPick> Selection, DateTimeOffset? SelectedAt, DateTimeOffset? ResultsAnnouncedAt, bool IsDecisionOpen, string? ConflictOfInterest)
    {
        /// <summary>How many tiers the brand must fill: every tier, or as many as there are approved entries.</summary>
        public int TiersToFill => Math.Min(Tiers.Count, Rows.Count);
    }

    public sealed record Row(
        int Number, EntryId EntryId, string Title, string CreativeName, int? Rank, decimal? Score, bool IsTied, int JudgeCount, bool IsComplete,
        bool IsShortlisted, IReadOnlyList<decimal?> CriterionAverages, IReadOnlyList<JudgeComments> Comments, EntryPreview? Preview,
        bool CanOpen);

    /// <summary>One judge's comments on the entry ("Judge 1"…), per criterion in the published order, and overall.</summary>
    public sealed record JudgeComments(int Judge, IReadOnlyList<string?> PerCriterion, string? Overall);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Choice>
    {
        public async ValueTask<Choice> Handle(Query query, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, query.ChallengeId, cancellationToken);
            var me = currentUser.RequireId();
            var isOwner = await db.IsMemberAsync(challenge.BrandId, me, cancellationToken, BrandRole.Owner);
            var (panel, entries, cards, ranking) = await db.PanelScoresAsync(challenge, cancellationToken);
            var now = clock.GetUtcNow();

            var numbers = entries.Select((entry, index) => (entry.Id, Number: index + 1)).ToDictionary(pair => pair.Id, pair => pair.Number);
            var byId = entries.ToDictionary(entry => entry.Id);
            var authors = await db.AuthorNamesAsync(currentUser, challenge, cancellationToken);

            // Once the challenge is completed the brand keeps only its winners: the others are listed, not linked.
            var awarded = EntryAccess.BrandKeepsAll(challenge) ? null : await db.Awards.AsNoTracking()
                .Where(award => award.ChallengeId == challenge.Id).Select(award => award.EntryId).ToListAsync(cancellationToken);
            var rows = ranking.Select(ranked =>
            {
                var entry = byId[ranked.EntryId];
                var canOpen = currentUser.IsStaff() || awarded is null || awarded.Contains(entry.Id);
                var comments = cards.Where(card => card.EntryId == entry.Id)
                    .Select(card => new JudgeComments(panel.IndexOf(card.JudgeUserId) + 1,
                        [.. challenge.Criteria.Select(criterion => card.Scores.FirstOrDefault(score => score.Criterion == criterion.Name)?.Comment)],
                        card.OverallComment))
                    .Where(judge => judge.Overall is not null || judge.PerCriterion.Any(comment => comment is not null))
                    .OrderBy(judge => judge.Judge)
                    .ToList();
                return new Row(numbers[entry.Id], entry.Id, entry.Title, authors[entry.CreativeUserId].Name, ranked.Rank, ranked.Score, ranked.IsTied,
                    ranked.JudgeCount, ranked.IsComplete, entry.IsShortlisted, ranked.CriterionAverages, comments,
                    canOpen ? EntryPreview.Of(entry) : null, canOpen);
            }).ToList();

            var conflict = await db.ConflictOfInterestAsync(challenge, me, cancellationToken);
            var canChoose = isOwner && conflict.WinnerChoiceExplanation is null && challenge.CanChooseWinners(now);
            return new Choice(challenge.Id, challenge.Title, challenge.Status, challenge.JudgingDeadline, challenge.BlindJudging, isOwner, canChoose,
                challenge.PrizeTiers, challenge.Criteria, panel.Count, rows, challenge.WinnerSelection, challenge.WinnersSelectedAt, challenge.ResultsAnnouncedAt,
                challenge.Status == ChallengeStatus.Judging, conflict.WinnerChoiceExplanation);
        }
    }
}
