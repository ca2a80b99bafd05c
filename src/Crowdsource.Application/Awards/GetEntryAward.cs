using Crowdsource.Application.Common;
using Crowdsource.Application.Entries;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>
/// What the entry page says about prizes and rights: the award the entry won (paid or awaiting payment), whether its
/// licence grant can be downloaded by this viewer, and whether its author may show it on their portfolio.
/// </summary>
public static class GetEntryAward
{
    public sealed record Query(EntryId EntryId) : IQuery<Status>;

    /// <param name="Award">The entry's award, or null.</param>
    /// <param name="GrantEffectiveAt">When the rights passed (the award was paid), or null.</param>
    /// <param name="ViewerIsParty">The author, the brand or staff: they see the receipt and the grant.</param>
    /// <param name="CanPublish">The viewer is the author and the results are out: the portfolio switch is offered.</param>
    /// <param name="PublishedAt">When the author showed the entry on their portfolio, or null.</param>
    public sealed record Status(AwardInfo? Award, DateTimeOffset? GrantEffectiveAt, bool ViewerIsParty, bool CanPublish, DateTimeOffset? PublishedAt);

    public sealed record AwardInfo(int Rank, decimal Amount, string Currency, AwardMethod Method, DateTimeOffset DecidedAt, DateTimeOffset? PaidAt);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Status>
    {
        public async ValueTask<Status> Handle(Query query, CancellationToken cancellationToken)
        {
            var (entry, challenge, isAuthor) = await db.VisibleEntryAsync(currentUser, query.EntryId, cancellationToken);
            var award = await db.Awards.AsNoTracking().Where(candidate => candidate.EntryId == entry.Id)
                .Select(candidate => new AwardInfo(candidate.Rank, candidate.Amount, candidate.Currency, candidate.Method, candidate.DecidedAt, candidate.PaidAt))
                .FirstOrDefaultAsync(cancellationToken);
            var isParty = await db.IsPartyAsync(currentUser, entry, challenge, cancellationToken);
            var granted = isParty
                ? await db.LicenceGrants.AsNoTracking().Where(grant => grant.EntryId == entry.Id).Select(grant => (DateTimeOffset?)grant.EffectiveAt)
                    .FirstOrDefaultAsync(cancellationToken)
                : null;
            var canPublish = isAuthor && challenge.ResultsAnnouncedAt is not null && entry.Status != EntryStatus.Withdrawn && entry.Files.Count > 0;
            return new Status(award, granted, isParty, canPublish, entry.PublishedToPortfolioAt);
        }
    }
}
