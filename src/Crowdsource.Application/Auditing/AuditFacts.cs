using System.Text.Encodings.Web;
using System.Text.Json;

namespace Crowdsource.Application.Auditing;

/// <summary>
/// The details of an audit line as facts, not a sentence: a line is written once and read later by people in French or
/// English, so it holds names and values (<c>{"rank":1,"amount":5000,"currency":"EUR","reference":"SEPA-7"}</c>) and the
/// page writes them in the reader's language. A change holds the facts before and after (<see cref="Change"/>). Older
/// lines hold plain text and read as they are.
/// </summary>
public static class AuditFacts
{
    public const string Before = "before";
    public const string After = "after";

    /// <summary>The parts of a challenge's text that an edit changed: a list of <see cref="TextParts"/>.</summary>
    public const string Changed = "changed";
    public const string Rank = "rank";
    public const string Amount = "amount";
    public const string Currency = "currency";
    public const string Reference = "reference";
    public const string Entry = "entry";
    public const string Visibility = "visibility";
    public const string Invited = "invited";
    public const string EntriesPerCreative = "entriesPerCreative";
    public const string VoteClosesAt = "voteClosesAt";
    public const string PeoplesChoicePrize = "peoplesChoicePrize";
    public const string Private = "private";
    public const string Answer = "answer";
    public const string Reason = "reason";
    public const string Text = "text";
    public const string Stars = "stars";

    /// <summary>A report's outcome: upheld or dismissed.</summary>
    public const string Outcome = "outcome";

    /// <summary>Payout details, masked ("FR76 •••• •••• 1234"): never the account itself.</summary>
    public const string Payout = "payout";
    public const string Award = "award";
    public const string Offer = "offer";

    /// <summary>The parts of a challenge's text, as <see cref="Changed"/> names them.</summary>
    public static class TextParts
    {
        public const string Title = "title";
        public const string Summary = "summary";
        public const string Brief = "brief";
        public const string Category = "category";
        public const string Tags = "tags";
    }

    /// <summary>
    /// A text longer than this (an answer, a report) is kept as its beginning: the line must stay within the stored
    /// details' 4,000 characters to remain facts, and the full text lives with its question or report.
    /// </summary>
    public const int TextMaximumLength = 1000;

    // Accents kept as they are (the page encodes what it shows): "é", not "\u00E9", in a line read in the database too.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(params (string Name, object? Value)[] facts) => JsonSerializer.Serialize(Dictionary(facts), Options);

    /// <summary>A change from one set of facts to another.</summary>
    public static string Change((string Name, object? Value)[] before, (string Name, object? Value)[] after) =>
        JsonSerializer.Serialize(new Dictionary<string, object>(StringComparer.Ordinal) { [Before] = Dictionary(before), [After] = Dictionary(after) }, Options);

    private static Dictionary<string, object?> Dictionary((string Name, object? Value)[] facts) => facts.ToDictionary(
        fact => fact.Name,
        fact => fact.Value is string { Length: > TextMaximumLength } text ? text[..TextMaximumLength] + "…" : fact.Value,
        StringComparer.Ordinal);

    /// <summary>The facts of a line, or null when its details are older plain text.</summary>
    public static JsonElement? Read(string details)
    {
        if (string.IsNullOrEmpty(details) || details[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(details);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
