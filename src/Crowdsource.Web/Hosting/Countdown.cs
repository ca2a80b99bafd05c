using System.Globalization;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>How long a challenge still takes entries, in words: "12 days left", "Last day", "Closed".</summary>
public static class Countdown
{
    /// <summary>
    /// Whole days left before <paramref name="deadline"/> for an open challenge ("Last day" under 24 hours), "Closed" once
    /// submissions have closed; null for a challenge that has not opened yet (its opening date says more).
    /// </summary>
    public static string? DaysLeft(ChallengeStatus status, DateTimeOffset? deadline, DateTimeOffset now)
    {
        if (status is ChallengeStatus.Draft or ChallengeStatus.InReview or ChallengeStatus.Scheduled)
        {
            return null;
        }

        if (status != ChallengeStatus.Open || deadline is not { } closes || closes <= now)
        {
            return UiText.CountdownClosed;
        }

        var days = (int)Math.Floor((closes - now).TotalDays);
        return days switch
        {
            0 => UiText.CountdownLastDay,
            1 => UiText.CountdownOneDayLeft,
            _ => string.Format(CultureInfo.CurrentCulture, UiText.CountdownDaysLeft, days),
        };
    }

    /// <summary>"1 entry", "12 entries".</summary>
    public static string Entries(int count) =>
        count == 1 ? UiText.CardOneEntry : string.Format(CultureInfo.CurrentCulture, UiText.CardEntries, count);
}
