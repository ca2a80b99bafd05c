using System.Globalization;
using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Challenges;

/// <summary>
/// A creative's question on a brief and the brand's answer. An answer is public by default, so every creative gets
/// the same clarification; the brand may keep it between itself and the person who asked.
/// </summary>
public sealed class ChallengeQuestion
{
    public const int TextMaximumLength = 1000;
    public const int AnswerMaximumLength = 4000;

    private ChallengeQuestion()
    {
        AskedByUserId = string.Empty;
        Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public string AskedByUserId { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset AskedAt { get; private set; }

    public string? Answer { get; private set; }

    public string? AnsweredByUserId { get; private set; }

    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>When true, only the person who asked (and the brand and moderators) read the question and its answer.</summary>
    public bool IsPrivate { get; private set; }

    public bool IsAnswered => Answer is not null;

    /// <summary>Asks a question; the challenge must still be taking questions (published, before its deadline).</summary>
    public static ChallengeQuestion Ask(Challenge challenge, string userId, string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (!challenge.AcceptsQuestions(now))
        {
            throw new DomainRuleException("question.closed", DomainText.QuestionsClosed);
        }

        return new ChallengeQuestion
        {
            Id = Guid.CreateVersion7(now),
            ChallengeId = challenge.Id,
            AskedByUserId = userId,
            Text = Require(text, TextMaximumLength),
            AskedAt = now,
        };
    }

    /// <summary>The brand answers, or corrects its answer; <paramref name="keepPrivate"/> hides both from other creatives.</summary>
    public void Reply(string answer, bool keepPrivate, string userId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        Answer = Require(answer, AnswerMaximumLength);
        IsPrivate = keepPrivate;
        AnsweredByUserId = userId;
        AnsweredAt = now;
    }

    private static string Require(string text, int maximumLength)
    {
        var trimmed = (text ?? string.Empty).Trim();
        return trimmed.Length > 0 && trimmed.Length <= maximumLength
            ? trimmed
            : throw new DomainRuleException("question.invalid-text",
                string.Format(CultureInfo.CurrentCulture, DomainText.QuestionTextInvalid, maximumLength));
    }
}
