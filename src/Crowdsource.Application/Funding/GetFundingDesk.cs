using Crowdsource.Application.Administration;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Funding;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Funding;

/// <summary>The admins' money desk: transfers brands recorded that wait to be checked, and cancelled challenges whose pool must go back.</summary>
public static class GetFundingDesk
{
    public const int MaximumRows = 200;

    public sealed record Query : IQuery<Desk>;

    public sealed record Desk(IReadOnlyList<TransferToCheck> Transfers, IReadOnlyList<PoolToReturn> Returns);

    public sealed record TransferToCheck(Guid Id, uint Version, ChallengeId ChallengeId, string ChallengeTitle, string BrandName,
        decimal Amount, string Currency, string Reference, string TransferLabel, DateTimeOffset RecordedAt);

    public sealed record PoolToReturn(ChallengeId ChallengeId, string ChallengeTitle, string BrandName, decimal Balance, string Currency);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Desk>
    {
        public async ValueTask<Desk> Handle(Query query, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            var transfers = await db.PrizeTransfers.AsNoTracking()
                .Where(transfer => transfer.Status == PrizeTransferStatus.AwaitingConfirmation)
                .OrderBy(transfer => transfer.RecordedAt)
                .Take(MaximumRows)
                .Join(db.Challenges, transfer => transfer.ChallengeId, challenge => challenge.Id, (transfer, challenge) => new { transfer, challenge.Title })
                .Join(db.Brands, row => row.transfer.BrandId, brand => brand.Id, (row, brand) => new { row.transfer, row.Title, brand.Name })
                .ToListAsync(cancellationToken);
            var cancelled = await db.Challenges.AsNoTracking().IgnoreAutoIncludes()
                .Where(challenge => challenge.Status == ChallengeStatus.Cancelled && challenge.FundedAmount > 0 && challenge.FundsReturnedAt == null)
                .OrderBy(challenge => challenge.UpdatedAt)
                .Take(MaximumRows)
                .Join(db.Brands, challenge => challenge.BrandId, brand => brand.Id, (challenge, brand) => new { challenge, brand.Name })
                .ToListAsync(cancellationToken);
            var returns = new List<PoolToReturn>(cancelled.Count);
            foreach (var row in cancelled)
            {
                // Few rows (cancelled before any entry, money not yet sent back): one balance query each keeps one rule for it.
                returns.Add(new PoolToReturn(row.challenge.Id, row.challenge.Title, row.Name,
                    await db.BalanceAsync(row.challenge.Id, cancellationToken), row.challenge.PrizeCurrency!));
            }

            return new Desk(
                [.. transfers.Select(row => new TransferToCheck(row.transfer.Id, row.transfer.Version, row.transfer.ChallengeId, row.Title, row.Name,
                    row.transfer.Amount, row.transfer.Currency, row.transfer.Reference, PlatformAccount.TransferLabel(row.transfer.ChallengeId),
                    row.transfer.RecordedAt))],
                returns);
        }
    }
}
