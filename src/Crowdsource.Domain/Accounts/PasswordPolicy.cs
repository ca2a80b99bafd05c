using System.Globalization;

namespace Crowdsource.Domain.Accounts;

/// <summary>What makes a password acceptable, after OWASP ASVS 5 (V6.2): length, not composition.</summary>
public static class PasswordPolicy
{
    /// <summary>Shortest accepted password, counted in characters as a person sees them.</summary>
    public const int MinimumLength = 12;

    /// <summary>Longest accepted password: long pass-phrases are welcome (ASVS asks for at least 64).</summary>
    public const int MaximumLength = 128;

    /// <summary>
    /// Shortest account word (folded) that a password may not contain: shorter ones ("Al", "bo@...") would refuse
    /// too many good pass-phrases by chance.
    /// </summary>
    public const int ShortestForbiddenWord = 4;

    /// <summary>The site's own name: the first word an attacker tries with every account.</summary>
    private static readonly string[] SiteWords = ["crowdsource"];

    /// <summary>
    /// The rules this password breaks, in the order a person should fix them; empty when it is acceptable.
    /// </summary>
    /// <param name="password">The password as typed (never trimmed or truncated).</param>
    /// <param name="contextWords">Words tied to the account (e-mail, name) that the password must not contain.</param>
    /// <param name="isCommon">Whether a lower-cased candidate is a known common or breached password.</param>
    public static IReadOnlyList<PasswordProblem> Check(
        string password, IEnumerable<string?> contextWords, Func<string, bool> isCommon)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentNullException.ThrowIfNull(contextWords);
        ArgumentNullException.ThrowIfNull(isCommon);

        var problems = new List<PasswordProblem>();
        var length = new StringInfo(password).LengthInTextElements;
        if (length < MinimumLength)
        {
            problems.Add(PasswordProblem.TooShort);
        }

        if (length > MaximumLength)
        {
            problems.Add(PasswordProblem.TooLong);
        }

        var lowered = password.ToLowerInvariant();
        if (isCommon(lowered) || IsRepetition(lowered, isCommon))
        {
            problems.Add(PasswordProblem.Common);
        }

        var folded = Fold(password);
        if (contextWords.Concat(SiteWords).Any(word => ContainsAccountWord(folded, word)))
        {
            problems.Add(PasswordProblem.MatchesAccount);
        }

        return problems;
    }

    /// <summary>"passwordpassword" or "aaaaaaaaaaaaaa": a short unit repeated is no better than the unit.</summary>
    private static bool IsRepetition(string lowered, Func<string, bool> isCommon)
    {
        for (var unit = 1; unit <= lowered.Length / 2; unit++)
        {
            if (lowered.Length % unit != 0)
            {
                continue;
            }

            var candidate = lowered[..unit];
            if (string.Concat(Enumerable.Repeat(candidate, lowered.Length / unit)) == lowered
                && (unit <= 3 || isCommon(candidate)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the password contains an account word (the display name, an e-mail address's part before the @, the
    /// site's name), compared folded: "CamilleColour!", "camille-colour" and "Camille Colour" all hold "camillecolour".
    /// </summary>
    private static bool ContainsAccountWord(string foldedPassword, string? word)
    {
        if (string.IsNullOrWhiteSpace(word))
        {
            return false;
        }

        // The part of an e-mail address before the @ is what people most often reuse (and it holds the rest).
        var at = word.IndexOf('@', StringComparison.Ordinal);
        var candidate = Fold(at > 0 ? word[..at] : word);
        return candidate.Length >= ShortestForbiddenWord && foldedPassword.Contains(candidate, StringComparison.Ordinal);
    }

    /// <summary>Lower case, accents removed, only letters and digits kept: "Chloé la-Créative" becomes "chloelacreative".</summary>
    private static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = new System.Text.StringBuilder(text.Length);
        foreach (var character in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(character))
            {
                folded.Append(char.ToLowerInvariant(character));
            }
        }

        return folded.ToString();
    }
}

/// <summary>A rule a password breaks.</summary>
public enum PasswordProblem
{
    TooShort,
    TooLong,
    Common,
    MatchesAccount,
}
