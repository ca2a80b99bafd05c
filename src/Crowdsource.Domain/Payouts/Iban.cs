using System.Collections.Frozen;
using System.Text;

namespace Crowdsource.Domain.Payouts;

/// <summary>What is wrong with a typed IBAN, if anything.</summary>
public enum IbanProblem
{
    None,

    /// <summary>Nothing typed.</summary>
    Missing,

    /// <summary>A character other than a letter, a digit or a space.</summary>
    Characters,

    /// <summary>Not two letters of a country that uses IBANs, then two digits.</summary>
    Country,

    /// <summary>Not the length the country's IBANs have.</summary>
    Length,

    /// <summary>The check digits do not match the rest (ISO 13616 mod-97): a mistyped character.</summary>
    Checksum,
}

/// <summary>
/// An International Bank Account Number (ISO 13616): typed with or without spaces, stored normalised (capitals, no
/// spaces), checked for its country's length and its mod-97 check digits, and shown masked ("FR76 •••• •••• 1234").
/// </summary>
public static class Iban
{
    public const int MaximumLength = 34;

    /// <summary>The length of an IBAN in each country of the SWIFT IBAN registry.</summary>
    private static readonly FrozenDictionary<string, int> Lengths = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22, ["BH"] = 22,
        ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DJ"] = 27,
        ["DK"] = 18, ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FK"] = 18, ["FO"] = 18, ["FR"] = 27,
        ["GB"] = 22, ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22,
        ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32,
        ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19,
        ["MN"] = 20, ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33, ["SA"] = 24, ["SC"] = 31,
        ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27, ["SO"] = 23, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23,
        ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The IBAN as stored: capitals, without the spaces people type to group it.</summary>
    public static string Normalise(string? typed)
    {
        var builder = new StringBuilder(typed?.Length ?? 0);
        foreach (var character in typed ?? string.Empty)
        {
            if (!char.IsWhiteSpace(character))
            {
                builder.Append(char.ToUpperInvariant(character));
            }
        }

        return builder.ToString();
    }

    /// <summary>The country's expected length, or null for a code that is not an IBAN country.</summary>
    public static int? LengthIn(string countryCode) => Lengths.TryGetValue(countryCode, out var length) ? length : null;

    /// <summary>What is wrong with <paramref name="typed"/> as an IBAN (<see cref="IbanProblem.None"/> when nothing is).</summary>
    public static IbanProblem Check(string? typed)
    {
        var iban = Normalise(typed);
        if (iban.Length == 0)
        {
            return IbanProblem.Missing;
        }

        if (!iban.All(char.IsAsciiLetterOrDigit))
        {
            return IbanProblem.Characters;
        }

        if (iban.Length < 4 || !char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1]) || !char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])
            || LengthIn(iban[..2]) is not { } length)
        {
            return IbanProblem.Country;
        }

        if (iban.Length != length)
        {
            return IbanProblem.Length;
        }

        return Remainder(iban) == 1 ? IbanProblem.None : IbanProblem.Checksum;
    }

    public static bool IsValid(string? typed) => Check(typed) == IbanProblem.None;

    /// <summary>"FR76 •••• •••• 1234": the country and check digits, and the last four characters, enough to recognise it.</summary>
    public static string Mask(string normalised)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(normalised);
        return normalised.Length <= 8 ? "••••" : $"{normalised[..4]} •••• •••• {normalised[^4..]}";
    }

    /// <summary>"FR76 3000 6000 0112 3456 7890 189": in groups of four, as printed on bank details, to read out or copy.</summary>
    public static string Grouped(string normalised) =>
        string.Join(' ', (normalised ?? string.Empty).Chunk(4).Select(group => new string(group)));

    /// <summary>ISO 7064 mod 97-10: the first four characters moved to the end, letters read as 10 to 35.</summary>
    private static int Remainder(string iban)
    {
        var remainder = 0;
        foreach (var character in iban[4..] + iban[..4])
        {
            var value = char.IsAsciiDigit(character) ? character - '0' : character - 'A' + 10;
            remainder = value >= 10 ? ((remainder * 100) + value) % 97 : ((remainder * 10) + value) % 97;
        }

        return remainder;
    }
}
