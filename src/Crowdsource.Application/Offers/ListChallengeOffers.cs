using Crowdsource.Application.Brands;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Offers;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Offers;

/// <summary>
/// A challenge's approved entries that did not win, for its brand's members, each with its offers (newest first, as
/// they stand now) and whether an offer can be made on it now (the domain's answer). Only the brand's Owner may make
/// one (<see cref="Result.ViewerIsOwner"/>). Anyone outside the brand: not found.
/// </summary>
public static class ListChallengeOffers
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Result>;

    public sealed record Offer(
        Guid Id, decimal Amount, string Currency, string Message, Guid LicenceVersionId, string LicenceTitleEn, string LicenceTitleFr,
        OfferStatus Status, DateTimeOffset MadeAt, DateTimeOffset ExpiresAt, DateTimeOffset? AnsweredAt, DateTimeOffset? PaidAt)
    {
        public bool CanBeWithdrawn => Status == OfferStatus.Pending;
    }

    public sealed record Row(Guid EntryId, string EntryTitle, bool AcceptsOffers, bool CanMakeOffer, IReadOnlyList<Offer> Offers);

    public sealed record Licence(Guid Id, string TitleEn, string TitleFr, int Version);

    public sealed record Result(
        ChallengeId ChallengeId, string ChallengeTitle, string Currency, bool ResultsAnnounced, bool ViewerIsOwner, Guid? ChallengeLicenceVersionId,
        IReadOnlyList<Licence> Licences, IReadOnlyList<Row> Rows);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var challenge = await db.Challenges.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == query.ChallengeId, cancellationToken)
                ?? throw new NotFoundException();
            if (!await db.IsMemberAsync(challenge.BrandId, userId, cancellationToken))
            {
                throw new NotFoundException();
            }

            var isOwner = await db.IsMemberAsync(challenge.BrandId, userId, cancellationToken, BrandRole.Owner);
            var now = clock.GetUtcNow();
            var awards = await db.Awards.AsNoTracking().Where(award => award.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            var awarded = awards.Select(award => award.EntryId).ToHashSet();
            var entries = (await db.Entries.AsNoTracking().IgnoreAutoIncludes()
                    .Where(entry => entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Approved)
                    .OrderBy(entry => entry.SubmittedAt).ThenBy(entry => entry.Id)
                    .ToListAsync(cancellationToken))
                .Where(entry => !awarded.Contains(entry.Id))
                .ToList();
            var offers = await db.EntryOffers.AsNoTracking().Where(offer => offer.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            var licences = await db.LicenceVersions.AsNoTracking()
                .OrderBy(version => version.TemplateKey).ThenByDescending(version => version.Version)
                .Select(version => new Licence(version.Id, version.TitleEn, version.TitleFr, version.Version))
                .ToListAsync(cancellationToken);
            var names = licences.ToDictionary(licence => licence.Id);
            var rows = entries.ConvertAll(entry =>
            {
                var ofEntry = offers.Where(offer => offer.EntryId == entry.Id).ToList();
                return new Row(entry.Id.Value, entry.Title, entry.AcceptsOffers,
                    isOwner && EntryOffer.CanBeMade(challenge, entry, awards, ofEntry, now),
                    [.. ofEntry.OrderByDescending(offer => offer.MadeAt).Select(offer => new Offer(offer.Id, offer.Amount, offer.Currency, offer.Message,
                        offer.LicenceVersionId, names[offer.LicenceVersionId].TitleEn, names[offer.LicenceVersionId].TitleFr, offer.StatusAt(now),
                        offer.MadeAt, offer.ExpiresAt, offer.AnsweredAt, offer.PaidAt))]);
            });
            return new Result(challenge.Id, challenge.Title, challenge.PrizeCurrency ?? Domain.Common.Money.DefaultCurrency,
                challenge.ResultsAnnouncedAt is not null, isOwner, challenge.LicenceVersionId, licences, rows);
        }
    }
}
