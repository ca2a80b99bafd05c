using System.Reflection;
using System.Text.RegularExpressions;
using Crowdsource.Application.Auditing;
using Crowdsource.TestSupport;
using Crowdsource.Web.Hosting;

namespace Crowdsource.Web.Tests.Localization;

/// <summary>The audit trail reads in words, in the reader's language: no raw code ("challenge.submitted"), no enum name.</summary>
public sealed partial class AuditNamesTests
{
    private static readonly string[] SourceFolders = ["src/Crowdsource.Application", "src/Crowdsource.Infrastructure/Persistence/Seed"];

    private static readonly IReadOnlyList<string> Codes = [.. typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral)
        .Select(field => (string)field.GetRawConstantValue()!)];

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
        Assert.Equal("Draft → In review", InTwoLanguages.In("en", () => AuditNames.Details("Draft → InReview")));
        var french = InTwoLanguages.In("fr-FR", () => AuditNames.Details("Open → Cancelled: the brand withdrew"));
        Assert.DoesNotContain("Open", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancelled", french, StringComparison.Ordinal);
        Assert.EndsWith("\u00a0: the brand withdrew", french, StringComparison.Ordinal);
        Assert.Equal("Logo.png (SHA-256 ab12)", InTwoLanguages.In("fr-FR", () => AuditNames.Details("Logo.png (SHA-256 ab12)")));
    }

    [GeneratedRegex(@"""(?<code>(challenge|entry|brand|licence|report|judge|judging|winners|award|account)\.[a-z-]+)""")]
    private static partial Regex AuditCode();
}
