using System.Globalization;
using Crowdsource.Application.Awards;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Judging;

namespace Crowdsource.Infrastructure.Documents;

/// <summary>The licence grant of a paid award as a PDF, in the reader's language (the same layout as the licence receipt).</summary>
internal sealed class PdfLicenceGrantRenderer : ILicenceGrantRenderer
{
    public byte[] Render(GetLicenceGrantDocument.Grant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var culture = CultureInfo.CurrentCulture;
        string Say(string format, params object?[] values) => SimplePdf.Fill(culture, format, values);

        var pdf = new SimplePdf()
            .Paragraph(Messages.GrantHeading, SimplePdf.Style.Title)
            .Paragraph(Say(Messages.GrantIntro, grant.EntryTitle, grant.CreativeName, grant.ChallengeTitle, grant.BrandName))
            .Paragraph(Messages.ReceiptParties, SimplePdf.Style.Heading)
            .Paragraph(Say(Messages.ReceiptCreative, grant.CreativeName))
            .Paragraph(Say(Messages.ReceiptBrand, grant.BrandName))
            .Paragraph(Say(Messages.GrantChallenge, grant.ChallengeTitle))
            .Paragraph(Say(Messages.GrantEntry, grant.EntryTitle, grant.EntryId))
            .Paragraph(grant.Rank == Award.PeoplesChoiceRank
                ? Say(Messages.GrantPeoplesChoice, grant.Amount, grant.Currency)
                : Say(Messages.GrantPrize, grant.Rank, grant.Amount, grant.Currency))
            .Paragraph(Say(Messages.GrantPayment, grant.PaymentReference))
            .Paragraph(Say(Messages.GrantEffective, grant.EffectiveAt.UtcDateTime))
            .Paragraph(Say(Messages.ReceiptLicence, grant.LicenceTitle, grant.LicenceVersion, grant.LicenceKey), SimplePdf.Style.Heading)
            .Paragraph(Messages.ReceiptLicenceHash)
            .Paragraph(grant.LicenceTextSha256, SimplePdf.Style.Mono)
            .Paragraph(Messages.GrantFiles);
        foreach (var file in grant.Files)
        {
            pdf.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{SimplePdf.OneLine(file.FileName)}  {file.Length}\n{file.Sha256}"), SimplePdf.Style.Mono);
        }

        return pdf
            .Paragraph(Messages.GrantRightsHeading, SimplePdf.Style.Heading)
            .Paragraph(Say(Messages.GrantRights, grant.BrandName))
            .Paragraph(Say(Messages.GrantIssued, grant.IssuedAt.UtcDateTime, grant.GrantId), SimplePdf.Style.Small)
            .ToBytes();
    }
}
