using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Domain.Moderation;

public enum ReportReason
{
    Plagiarism,
    Inappropriate,
    Spam,
    RulesBreach,
    Other,
}

/// <summary>What the moderator concluded when closing a report. Stored by name; never renamed.</summary>
public enum ReportOutcome
{
    /// <summary>The report was right: something was wrong and the moderator acted on it.</summary>
    Upheld,

    /// <summary>Nothing wrong was found.</summary>
    Dismissed,
}

/// <summary>
/// Someone who can see a challenge or an entry tells the moderators something is wrong with it. Reports wait in the
/// moderation queue until a moderator closes them, saying what they did.
/// </summary>
public sealed class Report
{
    public const int TextMaximumLength = 2000;
    public const int ResolutionMaximumLength = 1000;

    private Report()
    {
        ReporterUserId = Text = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    /// <summary>The reported entry, or null when the challenge itself is reported.</summary>
    public EntryId? EntryId { get; private set; }

    public string ReporterUserId { get; private set; }

    public ReportReason Reason { get; private set; }

    public string Text { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public string? ResolvedByUserId { get; private set; }

    public string? Resolution { get; private set; }

    /// <summary>Upheld or dismissed; null for reports closed before outcomes were recorded.</summary>
    public ReportOutcome? Outcome { get; private set; }

    public bool IsOpen => ResolvedAt is null;

    public static Report File(ChallengeId challengeId, EntryId? entryId, string reporterUserId, ReportReason reason, string text, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reporterUserId);
        var clean = (text ?? string.Empty).Trim();
        if (clean.Length is < 10 or > TextMaximumLength)
        {
            throw new DomainRuleException("report.text", string.Format(System.Globalization.CultureInfo.CurrentCulture, DomainText.ReportTextInvalid, TextMaximumLength));
        }

        if (!Enum.IsDefined(reason))
        {
            throw new DomainRuleException("report.reason", DomainText.ReportReasonInvalid);
        }

        return new Report
        {
            Id = Guid.CreateVersion7(now),
            ChallengeId = challengeId,
            EntryId = entryId,
            ReporterUserId = reporterUserId,
            Reason = reason,
            Text = clean,
            CreatedAt = now,
        };
    }

    /// <summary>A moderator closes the report: upheld or dismissed, with what was done about it.</summary>
    public void Resolve(string moderatorUserId, ReportOutcome outcome, string resolution, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(moderatorUserId);
        if (!Enum.IsDefined(outcome))
        {
            throw new DomainRuleException("report.outcome", DomainText.ReportOutcomeInvalid);
        }

        if (!IsOpen)
        {
            throw new DomainRuleException("report.closed", DomainText.ReportAlreadyResolved);
        }

        var clean = (resolution ?? string.Empty).Trim();
        if (clean.Length is < 3 or > ResolutionMaximumLength)
        {
            throw new DomainRuleException("report.resolution", string.Format(System.Globalization.CultureInfo.CurrentCulture, DomainText.ReportResolutionInvalid, ResolutionMaximumLength));
        }

        ResolvedAt = now;
        ResolvedByUserId = moderatorUserId;
        Resolution = clean;
        Outcome = outcome;
    }
}
