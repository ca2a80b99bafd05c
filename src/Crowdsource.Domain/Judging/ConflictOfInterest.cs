using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Judging;

/// <summary>
/// What ties a person to one challenge, and the one rule that follows from it. Nobody screens its entries, joins its
/// panel, scores, or confirms its winners when they entered it (any entry, whatever its status, withdrawn included) or
/// belong to its brand; the brand's Owner does not choose winners among a challenge they entered; and nobody enters a
/// challenge whose panel they sit on or whose brand they belong to.
/// </summary>
/// <param name="HasEntered">The person submitted an entry to the challenge, whatever became of it.</param>
/// <param name="BelongsToBrand">The person is a member of the challenge's brand.</param>
/// <param name="IsJudge">The person sits on the challenge's judging panel.</param>
public sealed record ConflictOfInterest(bool HasEntered, bool BelongsToBrand, bool IsJudge)
{
    /// <summary>Someone with no tie to the challenge.</summary>
    public static readonly ConflictOfInterest None = new(false, false, false);

    /// <summary>Whether the person may screen, judge (join the panel), score and confirm winners.</summary>
    public bool MayJudge => JudgingRefusal is null;

    /// <summary>Why the person may not judge, in their language; null when they may.</summary>
    public string? Explanation => JudgingRefusal?.Message;

    /// <summary>Whether the person may submit an entry to the challenge.</summary>
    public bool MayEnter => EntryRefusal is null;

    private DomainRuleException? JudgingRefusal =>
        BelongsToBrand ? new DomainRuleException("judge.conflict-of-interest", DomainText.JudgeFromBrand)
        : HasEntered ? new DomainRuleException("judge.entered", DomainText.JudgeEnteredChallenge)
        : null;

    private DomainRuleException? EntryRefusal =>
        BelongsToBrand ? new DomainRuleException("entry.by-brand", DomainText.BrandCannotEnter)
        : IsJudge ? new DomainRuleException("entry.by-judge", DomainText.JudgeCannotEnter)
        : null;

    /// <summary>Throws when the person may not screen, judge, score or confirm (<see cref="MayJudge"/>).</summary>
    public void EnsureMayJudge()
    {
        if (JudgingRefusal is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Why the person may not choose the winners, in their language; null when nothing ties them to an entry.</summary>
    public string? WinnerChoiceExplanation => HasEntered ? DomainText.OwnerEnteredChallenge : null;

    /// <summary>The brand's Owner chooses winners only among entries of a challenge they did not enter.</summary>
    public void EnsureMayChooseWinners()
    {
        if (WinnerChoiceExplanation is { } explanation)
        {
            throw new DomainRuleException("winners.entered", explanation);
        }
    }

    /// <summary>Throws when the person may not enter the challenge (<see cref="MayEnter"/>).</summary>
    public void EnsureMayEnter()
    {
        if (EntryRefusal is { } refusal)
        {
            throw refusal;
        }
    }
}
