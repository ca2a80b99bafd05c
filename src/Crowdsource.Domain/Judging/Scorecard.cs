using System.Globalization;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Domain.Judging;

/// <summary>A judge's mark on one published criterion: 0 to 10, with an optional comment.</summary>
public sealed record CriterionScore(string Criterion, int Value, string? Comment)
{
    public const int MinimumValue = 0;
    public const int MaximumValue = 10;
    public const int CommentMaximumLength = 1000;
}

/// <summary>
/// One judge's scores for one entry: a mark for every published criterion and an overall comment. The judge may
/// change it until the ranking is locked; the participant sees the marks and comments once the results are out.
/// </summary>
public sealed class Scorecard
{
    public const int OverallCommentMaximumLength = 2000;

    private List<CriterionScore> _scores = [];

    private Scorecard()
    {
        JudgeUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public EntryId EntryId { get; private set; }

    public string JudgeUserId { get; private set; }

    public IReadOnlyList<CriterionScore> Scores => _scores;

    public string? OverallComment { get; private set; }

    public DateTimeOffset ScoredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; private set; }

    /// <summary>
    /// Whether this card marks every one of <paramref name="criteria"/>. Marks are tied to the criteria's names, and
    /// criteria freeze once an entry exists, so a card always covers them; a card that does not (criteria renamed before
    /// the freeze existed) is left out of the ranking rather than weighed on the wrong criteria or breaking it.
    /// </summary>
    public bool Covers(IReadOnlyList<JudgingCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        return criteria.All(criterion => MarkFor(criterion.Name) is not null);
    }

    /// <summary>
    /// The judge's weighted mark out of 10: each criterion's mark times its published weight, over 100; null when the
    /// card does not cover the criteria (<see cref="Covers"/>).
    /// </summary>
    public decimal? WeightedScore(IReadOnlyList<JudgingCriterion> criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        if (!Covers(criteria))
        {
            return null;
        }

        var total = criteria.Sum(criterion => criterion.Weight);
        return total == 0 ? 0 : criteria.Sum(criterion => MarkFor(criterion.Name)!.Value * (decimal)criterion.Weight) / total;
    }

    /// <summary>The mark given on a criterion, or null when this card has none for it.</summary>
    public int? MarkFor(string criterion) =>
        _scores.Find(score => string.Equals(score.Criterion, criterion, StringComparison.Ordinal))?.Value;

    /// <summary>A judge on the panel scores an approved entry for the first time.</summary>
    public static Scorecard Record(
        Challenge challenge, Entry entry, string judgeUserId, IReadOnlyList<CriterionScore> scores, string? overallComment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(judgeUserId);
        var scorecard = new Scorecard
        {
            Id = Guid.CreateVersion7(now),
            ChallengeId = entry.ChallengeId,
            EntryId = entry.Id,
            JudgeUserId = judgeUserId,
            ScoredAt = now,
        };
        scorecard.Change(challenge, entry, scores, overallComment, now);
        return scorecard;
    }

    /// <summary>The judge changes their marks, until the ranking is locked.</summary>
    public void Change(Challenge challenge, Entry entry, IReadOnlyList<CriterionScore> scores, string? overallComment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(scores);
        if (entry.Id != EntryId || challenge.Id != ChallengeId)
        {
            throw new ArgumentException("The scorecard of another entry.", nameof(entry));
        }

        challenge.EnsureCanScore();

        if (entry.Status != EntryStatus.Approved)
        {
            throw new DomainRuleException("score.entry-not-approved", DomainText.ScoreOnlyApproved);
        }

        var expected = challenge.Criteria.Select(criterion => criterion.Name).ToList();
        if (scores.Count != expected.Count || !expected.All(name => scores.Count(score => score.Criterion == name) == 1))
        {
            throw new DomainRuleException("score.criteria", DomainText.ScoreEveryCriterion);
        }

        if (scores.Any(score => score.Value is < CriterionScore.MinimumValue or > CriterionScore.MaximumValue))
        {
            throw new DomainRuleException("score.range",
                string.Format(CultureInfo.CurrentCulture, DomainText.ScoreOutOfRange, CriterionScore.MinimumValue, CriterionScore.MaximumValue));
        }

        var comment = Clean(overallComment);
        if (comment?.Length > OverallCommentMaximumLength || scores.Any(score => Clean(score.Comment)?.Length > CriterionScore.CommentMaximumLength))
        {
            throw new DomainRuleException("score.comment-too-long",
                string.Format(CultureInfo.CurrentCulture, DomainText.ScoreCommentTooLong, CriterionScore.CommentMaximumLength, OverallCommentMaximumLength));
        }

        // Kept in the published order of the criteria, whatever order the form sent.
        _scores = [.. expected.Select(name => scores.First(score => score.Criterion == name))
            .Select(score => score with { Comment = Clean(score.Comment) })];
        OverallComment = comment;
        UpdatedAt = now;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
