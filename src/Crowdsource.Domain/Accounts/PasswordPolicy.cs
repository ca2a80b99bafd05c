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
    /// The rules this password breaks, in the order a person should fix them; empty when it is acceptable.
    /// </summary>
    /// <param name="password">The password as typed (never trimmed or truncated).</param>
    /// <param name="contextWords">Words tied to the account (e-mail, name) that must not be the password.</param>
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

        foreach (var word in contextWords)
        {
            if (!string.IsNullOrWhiteSpace(word) && IsSameAsContext(lowered, word.ToLowerInvariant()))
            {
                problems.Add(PasswordProblem.MatchesAccount);
                break;
            }
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

    private static bool IsSameAsContext(string lowered, string word)
    {
        if (lowered == word)
        {
            return true;
        }

        // The part of an e-mail address before the @ is what people most often reuse.
        var at = word.IndexOf('@', StringComparison.Ordinal);
        return at >= 4 && lowered == word[..at];
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
