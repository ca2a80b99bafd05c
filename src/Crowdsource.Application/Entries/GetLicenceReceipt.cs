using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// The licence receipt of an entry, as a PDF the creative and the brand can keep: the parties, the challenge, the
/// licence version and the SHA-256 of its text, the files and their SHA-256, when it was accepted, and what passes when.
/// </summary>
public static class GetLicenceReceipt
{
    public sealed record Query(EntryId EntryId) : IQuery<Document>;

    public sealed record Document(string FileName, byte[] Pdf);

    public sealed record Receipt(
        Guid EntryId, string EntryTitle, string CreativeName, string? CreativeEmail, string BrandName, string ChallengeTitle,
        string LicenceTitle, string LicenceKey, int LicenceVersion, string LicenceSummary, string LicenceTextSha256,
        DateTimeOffset AcceptedAt, bool DeclaredOriginal, DateTimeOffset FilesRecordedAt, IReadOnlyList<RecordedFile> Files, DateTimeOffset IssuedAt);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ILicenceReceiptRenderer renderer, TimeProvider clock)
        : IQueryHandler<Query, Document>
    {
        public async ValueTask<Document> Handle(Query query, CancellationToken cancellationToken)
        {
            var (entry, challenge) = await db.EntryOfPartyAsync(currentUser, query.EntryId, cancellationToken);
            var acceptance = entry.CurrentAcceptance;
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var licence = await db.LicenceVersions.AsNoTracking().SingleAsync(version => version.Id == acceptance.LicenceVersionId, cancellationToken);
            var creative = (await db.AuthorNamesAsync(currentUser, challenge, cancellationToken))[entry.CreativeUserId];
            var brand = await db.Brands.AsNoTracking().Where(candidate => candidate.Id == challenge.BrandId).Select(candidate => candidate.Name).SingleAsync(cancellationToken);
            var record = entry.LatestFileRecord;

            var receipt = new Receipt(entry.Id.Value, entry.Title, creative.Name, creative.Email, brand, challenge.Title,
                licence.TitleIn(language), licence.TemplateKey, licence.Version, licence.SummaryIn(language), acceptance.LicenceTextSha256,
                acceptance.AcceptedAt, acceptance.DeclaredOriginal, record.RecordedAt, record.Files, clock.GetUtcNow());
            return new Document($"licence-receipt-{entry.Id.Value:N}.pdf", renderer.Render(receipt));
        }
    }
}

/// <summary>Turns a receipt into a document people can keep (a PDF).</summary>
public interface ILicenceReceiptRenderer
{
    byte[] Render(GetLicenceReceipt.Receipt receipt);
}
