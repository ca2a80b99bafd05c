using System.Globalization;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Resources;

namespace Crowdsource.Infrastructure.Documents;

/// <summary>The licence receipt as a PDF, in the reader's language.</summary>
internal sealed class PdfLicenceReceiptRenderer : ILicenceReceiptRenderer
{
    public byte[] Render(GetLicenceReceipt.Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var culture = CultureInfo.CurrentCulture;
        string Say(string format, params object?[] values) => SimplePdf.Fill(culture, format, values);

        var pdf = new SimplePdf()
            .Paragraph(Messages.ReceiptHeading, SimplePdf.Style.Title)
            .Paragraph(Say(Messages.ReceiptIntro, receipt.CreativeName, receipt.EntryTitle, receipt.ChallengeTitle, receipt.BrandName))
            .Paragraph(Messages.ReceiptParties, SimplePdf.Style.Heading)
            .Paragraph(Say(Messages.ReceiptCreative, receipt.CreativeEmail is null ? receipt.CreativeName : $"{receipt.CreativeName} <{receipt.CreativeEmail}>"))
            .Paragraph(Say(Messages.ReceiptBrand, receipt.BrandName))
            .Paragraph(Say(Messages.ReceiptLicence, receipt.LicenceTitle, receipt.LicenceVersion, receipt.LicenceKey), SimplePdf.Style.Heading)
            .Paragraph(Say(Messages.ReceiptSummary, receipt.LicenceSummary))
            .Paragraph(Messages.ReceiptLicenceHash)
            .Paragraph(receipt.LicenceTextSha256, SimplePdf.Style.Mono)
            .Paragraph(Say(Messages.ReceiptAccepted, receipt.AcceptedAt.UtcDateTime));
        if (receipt.DeclaredOriginal)
        {
            pdf.Paragraph(Messages.ReceiptOriginality);
        }

        pdf.Paragraph(Say(Messages.ReceiptFiles, receipt.FilesRecordedAt.UtcDateTime));
        foreach (var file in receipt.Files)
        {
            pdf.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{SimplePdf.OneLine(file.FileName)}  {file.Length}\n{file.Sha256}"), SimplePdf.Style.Mono);
        }

        return pdf
            .Paragraph(Messages.ReceiptRightsHeading, SimplePdf.Style.Heading)
            .Paragraph(Say(Messages.ReceiptRights, receipt.BrandName))
            .Paragraph(Say(Messages.ReceiptIssued, receipt.IssuedAt.UtcDateTime, receipt.EntryId), SimplePdf.Style.Small)
            .ToBytes();
    }
}
