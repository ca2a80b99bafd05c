using System.Globalization;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Entries;

public sealed class LicenceReceiptTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<(Domain.Entries.EntryId Entry, Actor Creative, Actor Owner, byte[] File)> EntryAsync(string title = "Étiquette d'été")
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (challenge, _, owner) = await fixture.PublishedAsync(moderator, opensAt: fixture.Clock.GetUtcNow().AddMinutes(1));
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.SendAsync(sender => sender.Send(new AdvanceChallengesWithTime.Command()));
        var licence = (await fixture.LoadAsync(challenge)).LicenceVersionId!.Value;
        var creative = await fixture.ConfirmedAsync(Roles.Creative);
        var file = TestFiles.Png(seed: 4);
        var id = await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), title, null,
            [Uploads.Of("étiquette.png", file)], licence, true, true)), creative);
        return (id, creative, owner, file);
    }

    [Fact]
    public async Task The_receipt_is_a_pdf_stating_the_licence_hash_the_file_hashes_and_what_passes_when()
    {
        var (id, creative, _, file) = await EntryAsync();
        var entry = await fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(candidate => candidate.Id == id));

        var receipt = await fixture.SendAsync(sender => sender.Send(new GetLicenceReceipt.Query(id)), creative);

        var text = TextOf(receipt.Pdf);
        Assert.Contains(entry.CurrentAcceptance.LicenceTextSha256, text, StringComparison.Ordinal);
        Assert.Contains(TestFiles.Sha256(file), text, StringComparison.Ordinal);
        Assert.Contains("étiquette.png", text, StringComparison.Ordinal);
        Assert.Contains("only if this entry wins a prize and the award is recorded as paid", text, StringComparison.Ordinal);
        Assert.Contains("Accepted on " + entry.CurrentAcceptance.AcceptedAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm:ss", CultureInfo.CurrentCulture) + " UTC.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_brand_gets_the_same_receipt_in_its_language_and_nobody_else_gets_one()
    {
        var (id, _, owner, _) = await EntryAsync();
        var stranger = await fixture.ConfirmedAsync(Roles.Creative);
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            var receipt = await fixture.SendAsync(sender => sender.Send(new GetLicenceReceipt.Query(id)), owner);
            Assert.Contains("Reçu de licence", TextOf(receipt.Pdf), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previous;
        }

        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetLicenceReceipt.Query(id)), stranger));
    }

    [Fact]
    public async Task A_line_break_typed_in_a_title_cannot_add_a_line_of_its_own_to_the_receipt()
    {
        var (id, creative, _, _) = await EntryAsync("Wrapper\nOriginality declared: No\r\nSHA-256 of the licence text 0000");

        var receipt = await fixture.SendAsync(sender => sender.Send(new GetLicenceReceipt.Query(id)), creative);

        var lines = LinesOf(receipt.Pdf);
        Assert.DoesNotContain("Originality declared: No", lines);
        Assert.Contains("Wrapper Originality declared: No SHA-256 of the licence text 0000", TextOf(receipt.Pdf), StringComparison.Ordinal);
    }

    private static string TextOf(byte[] pdf) => PdfReading.Of(pdf).Text;

    private static List<string> LinesOf(byte[] pdf) => [.. PdfReading.Of(pdf).Lines];
}
