using System.Globalization;
using Crowdsource.Application.Awards;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;

namespace Crowdsource.Infrastructure.Documents;

/// <summary>The licence grant of a paid award or offer as a PDF/A, in the reader's language (the same layout as the licence receipt).</summary>
internal sealed class PdfLicenceGrantRenderer : ILicenceGrantRenderer
{
    public byte[] Render(GetLicenceGrantDocument.Grant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var culture = CultureInfo.CurrentCulture;
        string Say(string format, params object?[] values) => LegalDocument.Fill(culture, format, values);

        var pdf = new LegalDocument(Messages.GrantHeading, culture);
        pdf.Paragraph(Messages.GrantHeading, LegalDocument.Style.Title)
            .Paragraph(Say(Messages.GrantIntro, grant.EntryTitle, grant.CreativeName, grant.ChallengeTitle, grant.BrandName))
            .Paragraph(Messages.ReceiptParties, LegalDocument.Style.Heading)
            .Paragraph(Say(Messages.ReceiptCreative, grant.CreativeName))
            .Paragraph(Say(Messages.ReceiptBrand, grant.BrandName))
            .Paragraph(Say(Messages.GrantChallenge, grant.ChallengeTitle))
            .Paragraph(Say(Messages.GrantEntry, grant.EntryTitle, grant.EntryId))
            .Paragraph(grant.Rank is { } rank
                ? Say(Messages.DocumentGrantPrize, PrizeWording.Tier(rank, culture), PrizeWording.Amount(grant.Amount, grant.Currency, culture))
                : Say(Messages.DocumentGrantOffer, PrizeWording.Amount(grant.Amount, grant.Currency, culture)))
            .Paragraph(Say(Messages.GrantPayment, grant.PaymentReference))
            .Paragraph(Say(Messages.DocumentGrantEffective, DocumentText.Date(grant.EffectiveAt, culture)))
            .Paragraph(Say(Messages.ReceiptLicence, grant.LicenceTitle, grant.LicenceVersion, grant.LicenceKey), LegalDocument.Style.Heading)
            .Paragraph(Messages.ReceiptLicenceHash)
            .Paragraph(grant.LicenceTextSha256, LegalDocument.Style.Mono)
            .Paragraph(Messages.DocumentWork, LegalDocument.Style.Heading)
            .Paragraph(Messages.GrantFiles);
        foreach (var file in grant.Files)
        {
            pdf.Paragraph(DocumentText.File(file, culture), LegalDocument.Style.Mono);
        }

        return pdf
            .Paragraph(Messages.GrantRightsHeading, LegalDocument.Style.Heading)
            .Paragraph(Say(Messages.GrantRights, grant.BrandName))
            .Paragraph(Say(Messages.DocumentGrantIssued, DocumentText.Date(grant.IssuedAt, culture), grant.GrantId), LegalDocument.Style.Small)
            .ToBytes($"{Messages.GrantHeading} · {grant.GrantId}");
    }
}
