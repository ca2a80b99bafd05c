using System.Globalization;
using Crowdsource.Application.Awards;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Documents;
using Crowdsource.TestSupport;

namespace Crowdsource.Application.Tests.Documents;

/// <summary>
/// The licence receipt and the licence grant are legal records: read back from the PDF (PdfPig), a name in any script
/// comes back exactly, the facts are there in the reader's language with its typography, every font is embedded, the
/// file declares PDF/A, and long text wraps inside the page.
/// </summary>
public sealed class LicenceDocumentPdfTests
{
    private const string Creative = "Łukasz Ærøskøbing-Δημήτρης Дмитрий 李小龍";
    private const string Brand = "山田太郎 Ateliers Ærøskøbing";
    private const string LicenceSha = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private const string FileSha = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static readonly DateTimeOffset Accepted = new(2026, 3, 12, 14, 5, 9, TimeSpan.Zero);
    private static readonly DateTimeOffset Paid = new(2026, 4, 1, 9, 30, 0, TimeSpan.Zero);

    private static GetLicenceReceipt.Receipt Receipt(string title = "Affiche « été » n° 2", string fileName = "affiche-李.png") => new(
        Guid.Parse("0193a5f2-7c1d-7000-8000-000000000001"), title, Creative, "lukasz@example.com", Brand, "Дизайн упаковки",
        "Cession exclusive", "exclusive-transfer", 3, "Tous médias, monde entier, pour la durée légale.", LicenceSha,
        Accepted, true, Accepted, [new RecordedFile(fileName, 24_576, FileSha)], Accepted.AddDays(1));

    private static GetLicenceGrantDocument.Grant Grant(int rank = 1) => new(
        Guid.Parse("0193a5f2-7c1d-7000-8000-0000000000aa"), Guid.Parse("0193a5f2-7c1d-7000-8000-000000000001"), "Poster 山田", Creative, Brand,
        "Δημήτρης challenge", "Exclusive transfer", "exclusive-transfer", 3, LicenceSha, rank, 2_500m, "EUR", "SEPA-ÆØ-77",
        Paid, [new RecordedFile("poster.png", 1_048_576, FileSha)], Paid.AddHours(2));

    private static T In<T>(string culture, Func<T> render)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return render();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    [Fact]
    public void Names_in_latin_greek_cyrillic_and_cjk_come_back_exactly_from_the_receipt_and_the_grant()
    {
        var pdf = In("en-GB", () => new PdfLicenceReceiptRenderer().Render(Receipt()));
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "documents")).FullName, "licence-receipt-en.pdf"), pdf);
        var receipt = PdfReading.Of(pdf);
        var grant = PdfReading.Of(In("fr-FR", () => new PdfLicenceGrantRenderer().Render(Grant())));

        foreach (var document in new[] { receipt, grant })
        {
            Assert.Contains(Creative, document.Text, StringComparison.Ordinal);
            Assert.Contains(Brand, document.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("?", document.Text, StringComparison.Ordinal);
        }

        Assert.Contains("Creative: " + Creative + " <lukasz@example.com>", receipt.Lines);
        Assert.Contains("Дизайн упаковки", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("affiche-李.png", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Poster 山田", grant.Text, StringComparison.Ordinal);
        Assert.Contains("Référence du paiement\u00a0: SEPA-ÆØ-77", grant.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_font_is_embedded_the_cjk_one_included_and_the_files_declare_pdf_a()
    {
        foreach (var pdf in new[] { new PdfLicenceReceiptRenderer().Render(Receipt()), new PdfLicenceGrantRenderer().Render(Grant()) })
        {
            var document = PdfReading.Of(pdf);

            Assert.Empty(document.FontsNotEmbedded);
            Assert.Contains(document.Fonts, font => font.Contains("DejaVu Sans", StringComparison.Ordinal));
            Assert.Contains(document.Fonts, font => font.Contains("Droid Sans Fallback", StringComparison.Ordinal));
            Assert.NotNull(document.PdfAPart);
            Assert.Equal(1, document.Pages);
        }
    }

    [Fact]
    public void The_french_grant_states_the_prize_the_amount_and_the_dates_as_french_writes_them()
    {
        var pdf = In("fr-FR", () => new PdfLicenceGrantRenderer().Render(Grant()));
        var folder = Directory.CreateDirectory(Path.Combine(RepositoryRoot.Path, "artifacts", "documents"));
        File.WriteAllBytes(Path.Combine(folder.FullName, "licence-grant-fr.pdf"), pdf); // for a person to look at
        var grant = PdfReading.Of(pdf);
        var peoplesChoice = PdfReading.Of(In("fr-FR", () => new PdfLicenceGrantRenderer().Render(Grant(rank: 0))));

        Assert.Contains("Acte d’octroi de licence", grant.Lines);
        Assert.Contains("Prix obtenu\u00a0: 1er prix, 2\u202f500\u00a0€.", grant.Text, StringComparison.Ordinal);
        Assert.Contains("Prix obtenu\u00a0: Prix du public, 2\u202f500\u00a0€.", peoplesChoice.Text, StringComparison.Ordinal);
        Assert.Contains("En vigueur depuis le 1er avril 2026 à 09:30:00 UTC, date d’enregistrement du paiement.", grant.Text, StringComparison.Ordinal);
        Assert.Contains("Émis le 1er avril 2026 à 11:30:00 UTC. Référence de l’octroi\u00a0: 0193a5f2-7c1d-7000-8000-0000000000aa.", grant.Text, StringComparison.Ordinal);
        Assert.Contains("poster.png  1\u202f048\u202f576", grant.Text, StringComparison.Ordinal);
        Assert.Contains("Licence\u00a0: Exclusive transfer, version 3 (exclusive-transfer)", grant.Text, StringComparison.Ordinal);
        Assert.Contains("Page 1 sur 1", grant.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_english_grant_states_the_prize_the_amount_and_the_dates_as_english_writes_them()
    {
        var grant = PdfReading.Of(In("en-GB", () => new PdfLicenceGrantRenderer().Render(Grant())));

        Assert.Contains("Licence grant", grant.Lines);
        Assert.Contains("Prize won: Prize 1, €2,500.", grant.Text, StringComparison.Ordinal);
        Assert.Contains("Effective on 1 April 2026, 09:30:00 UTC, when the payment was recorded.", grant.Text, StringComparison.Ordinal);
        Assert.Contains("poster.png  1,048,576", grant.Text, StringComparison.Ordinal);
        Assert.Contains(FileSha, grant.Lines);
        Assert.Contains(LicenceSha, grant.Lines);
        Assert.Contains("Page 1 of 1", grant.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_french_receipt_states_the_licence_facts_and_dates_in_french()
    {
        var receipt = PdfReading.Of(In("fr-FR", () => new PdfLicenceReceiptRenderer().Render(Receipt())));

        Assert.Contains("Reçu de licence", receipt.Lines);
        Assert.Contains("Licence\u00a0: Cession exclusive, version 3 (exclusive-transfer)", receipt.Lines);
        Assert.Contains("En clair\u00a0: Tous médias, monde entier, pour la durée légale.", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("Acceptée le 12 mars 2026 à 14:05:09 UTC.", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("la participation «\u00a0Affiche « été » n° 2\u00a0»", receipt.Text, StringComparison.Ordinal);
        Assert.Contains("affiche-李.png  24\u202f576", receipt.Text, StringComparison.Ordinal);
        Assert.Contains(FileSha, receipt.Lines);
        Assert.Contains("Ce qui est cédé, et quand", receipt.Lines);
    }

    [Fact]
    public void Long_text_wraps_inside_the_page_instead_of_being_cut()
    {
        var title = string.Concat(Enumerable.Repeat("Δημήτρης", 15));
        var fileName = string.Concat(Enumerable.Repeat("山田太郎-poster-", 12)) + ".png";

        var receipt = PdfReading.Of(new PdfLicenceReceiptRenderer().Render(Receipt(title, fileName)));

        Assert.Contains(title, string.Concat(receipt.Lines), StringComparison.Ordinal);
        Assert.Contains(fileName, string.Concat(receipt.Lines), StringComparison.Ordinal);
        Assert.True(receipt.NarrowestRightMargin >= 50, $"Text reaches {receipt.NarrowestRightMargin:0.#} pt from the right edge of the page.");
    }
}
