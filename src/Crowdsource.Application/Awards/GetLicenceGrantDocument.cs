using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>
/// The licence grant of a paid award or a paid offer, as a PDF the creative and the brand can keep: the parties, the challenge, the
/// entry and its file hashes, the licence version and the SHA-256 of its text, the prize, the payment reference and
/// the date the rights passed. Only the two parties and staff get it; anyone else, or an entry without a grant: not found.
/// </summary>
public static class GetLicenceGrantDocument
{
    public sealed record Query(EntryId EntryId) : IQuery<GetLicenceReceipt.Document>;

    public sealed record Grant(
        Guid GrantId, Guid EntryId, string EntryTitle, string CreativeName, string BrandName, string ChallengeTitle,
        string LicenceTitle, string LicenceKey, int LicenceVersion, string LicenceTextSha256, int? Rank, decimal Amount, string Currency,
        string PaymentReference, DateTimeOffset EffectiveAt, IReadOnlyList<RecordedFile> Files, DateTimeOffset IssuedAt);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, ILicenceGrantRenderer renderer, TimeProvider clock)
        : IQueryHandler<Query, GetLicenceReceipt.Document>
    {
        public async ValueTask<GetLicenceReceipt.Document> Handle(Query query, CancellationToken cancellationToken)
        {
            var (entry, challenge) = await db.EntryOfPartyAsync(currentUser, query.EntryId, cancellationToken);
            var grant = await db.LicenceGrants.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.EntryId == entry.Id, cancellationToken)
                ?? throw new NotFoundException();
            // The grant's source: a paid award (its tier), a runner-up reward (when the licence grants rights for those), or a paid offer (no tier).
            var (rank, amount, currency, reference) = grant.AwardId is { } awardId
                ? await db.Awards.AsNoTracking().Where(candidate => candidate.Id == awardId)
                    .Select(award => new ValueTuple<int?, decimal, string, string?>(award.Rank, award.Amount, award.Currency, award.PaymentReference))
                    .SingleAsync(cancellationToken)
                : grant.RunnerUpRewardId is { } rewardId
                    ? await db.RunnerUpRewards.AsNoTracking().Where(candidate => candidate.Id == rewardId)
                        .Select(reward => new ValueTuple<int?, decimal, string, string?>(PrizeWording.RunnerUpRank, reward.Amount, reward.Currency, reward.PaymentReference))
                        .SingleAsync(cancellationToken)
                    : await db.EntryOffers.AsNoTracking().Where(candidate => candidate.Id == grant.OfferId)
                        .Select(offer => new ValueTuple<int?, decimal, string, string?>(null, offer.Amount, offer.Currency, offer.PaymentReference))
                        .SingleAsync(cancellationToken);
            var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var licence = await db.LicenceVersions.AsNoTracking().SingleAsync(version => version.Id == grant.LicenceVersionId, cancellationToken);
            var creative = await db.Users.AsNoTracking().Where(user => user.Id == grant.CreativeUserId).Select(user => user.DisplayName).SingleAsync(cancellationToken);
            var brand = await db.Brands.AsNoTracking().Where(candidate => candidate.Id == grant.BrandId).Select(candidate => candidate.Name).SingleAsync(cancellationToken);

            var document = new Grant(grant.Id, entry.Id.Value, entry.Title, creative, brand, challenge.Title,
                licence.TitleIn(language), licence.TemplateKey, licence.Version, grant.LicenceTextSha256, rank, amount, currency,
                reference ?? string.Empty, grant.EffectiveAt, entry.LatestFileRecord.Files, clock.GetUtcNow());
            return new GetLicenceReceipt.Document($"licence-grant-{entry.Id.Value:N}.pdf", renderer.Render(document));
        }
    }
}

/// <summary>Turns a licence grant into a document people can keep (a PDF).</summary>
public interface ILicenceGrantRenderer
{
    byte[] Render(GetLicenceGrantDocument.Grant grant);
}
