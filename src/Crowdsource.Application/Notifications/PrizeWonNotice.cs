using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;

namespace Crowdsource.Application.Notifications;

/// <summary>
/// What a "you won" notification says: the prize's tier, its amount and the challenge. A notification stores facts,
/// not a sentence (it reads in the reader's language whenever they open it), so these travel in its subject in an
/// invariant form ("1|2000|EUR|Title") and are written out in the reader's language.
/// </summary>
internal sealed record PrizeWonNotice(int Rank, decimal Amount, string Currency, string ChallengeTitle)
{
    private const char Separator = '|';

    public string ToSubject() =>
        string.Create(CultureInfo.InvariantCulture, $"{Rank}{Separator}{Amount}{Separator}{Currency}{Separator}{ChallengeTitle}");

    /// <summary>The notice in a stored subject, or null when the subject is not one.</summary>
    public static PrizeWonNotice? FromSubject(string subject)
    {
        var parts = (subject ?? string.Empty).Split(Separator, 4);
        return parts.Length == 4
            && int.TryParse(parts[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank)
            && decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
            ? new PrizeWonNotice(rank, amount, parts[2], parts[3])
            : null;
    }

    /// <summary>The sentence of the notification centre: "You won in “Title”: Prize 1, €2,000."</summary>
    public string Describe(CultureInfo culture) =>
        string.Format(culture, Text(nameof(Messages.NotificationPrizeWon), culture), PrizeWording.Tier(Rank, culture), PrizeWording.Amount(Amount, Currency, culture), ChallengeTitle);

    private static string Text(string key, CultureInfo culture) =>
        Messages.ResourceManager.GetString(key, culture) ?? throw new InvalidOperationException($"Missing resource {key}.");
}
