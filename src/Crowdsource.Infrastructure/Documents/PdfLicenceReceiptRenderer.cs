using System.Globalization;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Resources;

namespace Crowdsource.Infrastructure.Documents;

/// <summary>The licence receipt as a PDF/A, in the reader's language.</summary>
internal sealed class PdfLicenceReceiptRenderer : ILicenceReceiptRenderer
{
    public byte[] Render(GetLicenceReceipt.Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var culture = CultureInfo.CurrentCulture;
        string Say(string format, params object?[] values) => LegalDocument.Fill(culture, format, values);

        var pdf = new LegalDocument(Messages.ReceiptHeading, culture);
        pdf.Paragraph(Messages.ReceiptHeading, LegalDocument.Style.Title)
            .Paragraph(Say(Messages.ReceiptIntro, receipt.CreativeName, receipt.EntryTitle, receipt.ChallengeTitle, receipt.BrandName))
            .Paragraph(Messages.ReceiptParties, LegalDocument.Style.Heading)
            .Paragraph(Say(Messages.ReceiptCreative, receipt.CreativeEmail is null ? receipt.CreativeName : $"{receipt.CreativeName} <{receipt.CreativeEmail}>"))
            .Paragraph(Say(Messages.ReceiptBrand, receipt.BrandName))
            .Paragraph(Say(Messages.ReceiptLicence, receipt.LicenceTitle, receipt.LicenceVersion, receipt.LicenceKey), LegalDocument.Style.Heading)
            .Paragraph(Say(Messages.ReceiptSummary, receipt.LicenceSummary))
            .Paragraph(Messages.ReceiptLicenceHash)
            .Paragraph(receipt.LicenceTextSha256, LegalDocument.Style.Mono)
            .Paragraph(Say(Messages.DocumentReceiptAccepted, DocumentText.Date(receipt.AcceptedAt, culture)));
        if (receipt.DeclaredOriginal)
        {
            pdf.Paragraph(Messages.ReceiptOriginality);
        }

        pdf.Paragraph(Messages.DocumentWork, LegalDocument.Style.Heading)
            .Paragraph(Say(Messages.DocumentReceiptFiles, DocumentText.Date(receipt.FilesRecordedAt, culture)));
        foreach (var file in receipt.Files)
        {
            pdf.Paragraph(DocumentText.File(file, culture), LegalDocument.Style.Mono);
        }

        return pdf
            .Paragraph(Messages.ReceiptRightsHeading, LegalDocument.Style.Heading)
            .Paragraph(Say(Messages.ReceiptRights, receipt.BrandName))
            .Paragraph(Say(Messages.DocumentReceiptIssued, DocumentText.Date(receipt.IssuedAt, culture), receipt.EntryId), LegalDocument.Style.Small)
            .ToBytes($"{Messages.ReceiptHeading} · {receipt.EntryId}");
    }
}
