using System.Reflection;
using System.Text.RegularExpressions;
using Crowdsource.Application.Auditing;
using Crowdsource.TestSupport;
using Crowdsource.Web.Hosting;
using Microsoft.AspNetCore.Http;

namespace Crowdsource.Web.Tests.Localization;

/// <summary>The audit trail reads in words, in the reader's language: no raw code ("challenge.submitted"), no enum name; facts written out, older plain text kept.</summary>
public sealed partial class AuditNamesTests
{
    private static readonly string[] SourceFolders = ["src/Crowdsource.Application", "src/Crowdsource.Infrastructure/Persistence/Seed"];

    private static readonly IReadOnlyList<string> Codes = [.. typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)];

    private static readonly ViewerTime Utc = new(new HttpContextAccessor());

    [Fact]
    public void Every_audit_code_has_its_own_words_in_english_and_in_french()
    {
        Assert.True(Codes.Count > 40);
        Assert.All(Codes, code =>
        {
            var (english, french) = InTwoLanguages.Text(() => AuditNames.Describe(code));
            Assert.NotEqual(code, english);
            Assert.NotEqual(code, french);
            Assert.NotEqual(english, french);
        });
        var french = Codes.Select(code => InTwoLanguages.In("fr-FR", () => AuditNames.Describe(code))).ToList();
        Assert.Equal(french.Count, french.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>A use case that records a new kind of line without declaring its code (and so its words) fails here.</summary>
    [Fact]
    public void Every_code_the_application_records_is_a_declared_audit_action()
    {
        var sources = SourceFolders
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        var recorded = sources
            .Select(File.ReadAllText)
            .Where(source => source.Contains("Record(", StringComparison.Ordinal) || source.Contains("Audit(", StringComparison.Ordinal)
                || source.Contains("AnnounceAsync(", StringComparison.Ordinal) || source.Contains("AuditAction", StringComparison.Ordinal))
            .SelectMany(source => source.Split('\n'))
            .Where(line => !line.Contains("DomainRuleException", StringComparison.Ordinal) && !line.Contains("rule.Code", StringComparison.Ordinal))
            .SelectMany(line => AuditCode().Matches(line).Select(match => match.Groups["code"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Contains("challenge.submitted", recorded);
        Assert.Contains("entry.approved", recorded);
        Assert.Empty(recorded.Except(Codes, StringComparer.Ordinal));
    }

    [Fact]
    public void A_status_change_reads_with_the_statuses_names()
    {
        Assert.Equal("Draft → In review", InTwoLanguages.In("en", () => AuditNames.Details("Draft → InReview", Utc)));
        var french = InTwoLanguages.In("fr-FR", () => AuditNames.Details("Open → Cancelled: the brand withdrew", Utc));
        Assert.DoesNotContain("Open", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancelled", french, StringComparison.Ordinal);
        Assert.EndsWith("\u00a0: the brand withdrew", french, StringComparison.Ordinal);
        Assert.Equal("Logo.png (SHA-256 ab12)", InTwoLanguages.In("fr-FR", () => AuditNames.Details("Logo.png (SHA-256 ab12)", Utc)));
        Assert.Equal("{not json", InTwoLanguages.In("fr-FR", () => AuditNames.Details("{not json", Utc)));
        foreach (var title in (string[])["{\"rank\":\"x\"}", "{\"changed\":5}", "{\"before\":1,\"after\":2}", "{\"amount\":1e400}"])
        {
            Assert.Equal(title, InTwoLanguages.In("fr-FR", () => AuditNames.Details(title, Utc))); // a title that only looks like facts
        }
    }

    private static (string English, string French) Read(string details) => InTwoLanguages.Text(() => AuditNames.Details(details, Utc));

    [Fact]
    public void A_payment_reads_with_the_prize_the_amount_and_the_reference_in_each_language()
    {
        var entry = Guid.Parse("0193a5f2-7c1d-7000-8000-0000000000aa");
        var details = AuditFacts.Write((AuditFacts.Rank, 1), (AuditFacts.Amount, 5000m), (AuditFacts.Currency, "EUR"),
            (AuditFacts.Reference, "SEPA-7"), (AuditFacts.Entry, entry));

        Assert.Equal(
            ($"Prize 1 · €5,000 · Payment reference: SEPA-7 · Entry: {entry}",
             $"1er prix · 5\u202f000\u00a0€ · Référence du paiement\u00a0: SEPA-7 · Participation\u00a0: {entry}"),
            Read(details));
    }

    [Fact]
    public void An_edit_names_the_parts_it_changed_and_a_widened_audience_reads_before_and_after()
    {
        Assert.Equal(("Changed: Summary, Tags", "Modifié\u00a0: Résumé, Mots-clés"),
            Read(AuditFacts.Write((AuditFacts.Changed, new[] { AuditFacts.TextParts.Summary, AuditFacts.TextParts.Tags }))));

        var widened = AuditFacts.Change(
            [(AuditFacts.Visibility, "InviteOnly"), (AuditFacts.Invited, 2), (AuditFacts.EntriesPerCreative, 3)],
            [(AuditFacts.Visibility, "Public"), (AuditFacts.Invited, 0), (AuditFacts.EntriesPerCreative, 3)]);
        var (_, french) = Read(widened);
        Assert.Equal("Sur invitation · Personnes invitées\u00a0: 2 · Projets par créatif\u00a0: 3 → Public · Personnes invitées\u00a0: 0 · Projets par créatif\u00a0: 3", french);
    }

    [Fact]
    public void A_public_vote_a_question_and_a_report_read_in_words()
    {
        var vote = AuditFacts.Change(
            [(AuditFacts.VoteClosesAt, null), (AuditFacts.PeoplesChoicePrize, null)],
            [(AuditFacts.VoteClosesAt, new DateTimeOffset(2026, 4, 1, 9, 30, 0, TimeSpan.Zero)), (AuditFacts.PeoplesChoicePrize, 500m)]);
        var (english, french) = Read(vote);
        Assert.StartsWith("No public vote → Public vote until ", english, StringComparison.Ordinal);
        Assert.EndsWith(" · People’s choice: €500", english, StringComparison.Ordinal);
        Assert.StartsWith("Pas de vote du public → Vote du public jusqu’au ", french, StringComparison.Ordinal);
        Assert.EndsWith(" · Prix du public\u00a0: 500\u00a0€", french, StringComparison.Ordinal);

        Assert.Equal(("Private answer · Write to us.", "Réponse privée · Write to us."),
            Read(AuditFacts.Write((AuditFacts.Private, true), (AuditFacts.Answer, "Write to us."))));
        var longAnswer = AuditFacts.Write((AuditFacts.Private, false), (AuditFacts.Answer, string.Concat(Enumerable.Repeat("Écrivez-nous \"vite\"\n", 400))));
        Assert.True(longAnswer.Length < 4000, $"{longAnswer.Length} characters: the stored details would be cut and no longer read as facts");
        Assert.StartsWith("Réponse publique · Écrivez-nous \"vite\"", Read(longAnswer).French, StringComparison.Ordinal);
        Assert.Equal("Copié sur quelqu’un d’autre · Copied.", Read(AuditFacts.Write((AuditFacts.Reason, "Plagiarism"), (AuditFacts.Text, "Copied."))).French);
    }

    [GeneratedRegex(@"""(?<code>(challenge|entry|brand|licence|report|judge|judging|winners|award|account)\.[a-z-]+)""")]
    private static partial Regex AuditCode();
}
