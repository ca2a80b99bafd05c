using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Funding;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Funding;

/// <summary>
/// A challenge's prize pool for its brand's members and the staff: what it promises, what arrived, the transfers the
/// brand recorded and every ledger line with the balance. Anyone else learns nothing (not found).
/// </summary>
public static class GetChallengeFunding
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Funding>;

    public sealed record Funding(
        ChallengeId ChallengeId,
        string Title,
        ChallengeStatus Status,
        string? Currency,
        decimal Pool,
        decimal Funded,
        decimal Shortfall,
        decimal Balance,
        bool IsFunded,
        DateTimeOffset? FundedAt,
        bool AwaitsFundsReturn,
        bool MayRecordTransfer,
        bool IsOwner,
        string TransferLabel,
        PlatformAccount Account,
        IReadOnlyList<Transfer> Transfers,
        IReadOnlyList<Line> Ledger,
        PoolParts Parts);

    /// <summary>What the pool is made of: the prize tiers, the people's choice prize and the runner-up pool (null when none).</summary>
    public sealed record PoolParts(decimal Prizes, decimal? PeoplesChoice, decimal? RunnerUps);

    public sealed record Transfer(Guid Id, decimal Amount, string Currency, string Reference, PrizeTransferStatus Status,
        DateTimeOffset RecordedAt, DateTimeOffset? DecidedAt, string? RefusalReason);

    public sealed record Line(LedgerMovement Movement, decimal Amount, string Currency, string Reference, DateTimeOffset RecordedAt, int Direction);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, IOptions<PlatformAccount> account) : IQueryHandler<Query, Funding>
    {
        public async ValueTask<Funding> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var challenge = await db.Challenges.AsNoTracking().IgnoreAutoIncludes()
                .SingleOrDefaultAsync(candidate => candidate.Id == query.ChallengeId, cancellationToken) ?? throw new NotFoundException();
            var role = await db.Brands.Where(brand => brand.Id == challenge.BrandId)
                .SelectMany(brand => brand.Members.Where(member => member.UserId == userId).Select(member => (BrandRole?)member.Role))
                .SingleOrDefaultAsync(cancellationToken);
            if (role is null && !currentUser.IsStaff())
            {
                throw new NotFoundException();
            }

            var transfers = await db.PrizeTransfers.AsNoTracking().Where(transfer => transfer.ChallengeId == challenge.Id)
                .OrderByDescending(transfer => transfer.RecordedAt)
                .Select(transfer => new Transfer(transfer.Id, transfer.Amount, transfer.Currency, transfer.Reference, transfer.Status,
                    transfer.RecordedAt, transfer.DecidedAt, transfer.RefusalReason))
                .ToListAsync(cancellationToken);
            var ledger = (await db.LedgerEntries.AsNoTracking().Where(line => line.ChallengeId == challenge.Id)
                    .OrderBy(line => line.RecordedAt)
                    .ToListAsync(cancellationToken))
                .ConvertAll(line => new Line(line.Movement, line.Amount, line.Currency, line.Reference, line.RecordedAt, line.Direction));
            var isOwner = role == BrandRole.Owner;
            return new Funding(challenge.Id, challenge.Title, challenge.Status, challenge.PrizeCurrency, challenge.PrizePool,
                challenge.FundedAmount, challenge.FundingShortfall, ledger.Sum(line => line.Direction * line.Amount), challenge.IsPrizeFunded,
                challenge.PrizeFundedAt, challenge.AwaitsFundsReturn, isOwner && challenge.AcceptsPrizeTransfer, isOwner,
                PlatformAccount.TransferLabel(challenge.Id), account.Value, transfers, ledger,
                new PoolParts(challenge.TotalPrize, challenge.PeoplesChoicePrize, challenge.RunnerUpPool));
        }
    }
}
