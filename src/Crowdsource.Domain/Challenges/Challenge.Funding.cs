using Crowdsource.Domain.Common;
using Crowdsource.Domain.Funding;

namespace Crowdsource.Domain.Challenges;

/// <summary>
/// The prize pool: before a moderator may publish a challenge, its brand transfers the prizes to the platform and an
/// admin confirms the money arrived. Awards are then paid from the pool; a challenge cancelled before any entry gets
/// its pool back. Every movement is a <see cref="LedgerEntry"/>.
/// </summary>
public sealed partial class Challenge
{
    /// <summary>What admins confirmed arrived, in <see cref="PrizeCurrency"/>.</summary>
    public decimal FundedAmount { get; private set; }

    /// <summary>The amount of the brand's transfer awaiting an admin; null when none is.</summary>
    public decimal? PendingTransferAmount { get; private set; }

    /// <summary>Since when the confirmed money covers the whole pool; null while it does not (never funded, or prizes raised since).</summary>
    public DateTimeOffset? PrizeFundedAt { get; private set; }

    /// <summary>When an admin recorded the return of a cancelled challenge's pool.</summary>
    public DateTimeOffset? FundsReturnedAt { get; private set; }

    /// <summary>Every prize the challenge promises: the tiers, the people's choice and the runner-up pool.</summary>
    public decimal PrizePool => TotalPrize + (PeoplesChoicePrize ?? 0) + (RunnerUpPool ?? 0);

    /// <summary>What the brand still has to transfer for the pool to be funded.</summary>
    public decimal FundingShortfall => Math.Max(0, PrizePool - FundedAmount);

    public bool IsPrizeFunded => PrizeFundedAt is not null;

    /// <summary>Whether the brand may record a transfer now: prizes set, money missing, none awaiting, not over.</summary>
    public bool AcceptsPrizeTransfer =>
        PrizeCurrency is not null && FundingShortfall > 0 && PendingTransferAmount is null
        && Status is not (ChallengeStatus.Cancelled or ChallengeStatus.Completed);

    /// <summary>Whether an admin still has to send a cancelled challenge's pool back to its brand.</summary>
    public bool AwaitsFundsReturn => Status == ChallengeStatus.Cancelled && FundedAmount > 0 && FundsReturnedAt is null;

    /// <summary>The brand's owner records the transfer it made for the missing part of the pool, with its reference.</summary>
    public PrizeTransfer RecordPrizeTransfer(string reference, string userId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        if (PendingTransferAmount is not null)
        {
            throw new DomainRuleException("funding.transfer-pending", DomainText.TransferAwaitingConfirmation);
        }

        if (!AcceptsPrizeTransfer)
        {
            throw new DomainRuleException("funding.nothing-to-fund", DomainText.NothingToFund);
        }

        var transfer = PrizeTransfer.Record(this, new Money(FundingShortfall, PrizeCurrency!), reference, userId, now);
        PendingTransferAmount = transfer.Amount;
        return transfer;
    }

    /// <summary>An admin saw the transfer arrive: it enters the pool, written in the ledger.</summary>
    public LedgerEntry ConfirmPrizeTransfer(PrizeTransfer transfer, string adminUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        EnsureOwnTransfer(transfer);
        transfer.Confirm(adminUserId, now);
        FundedAmount += transfer.Amount;
        PendingTransferAmount = null;
        RefreshFunding(now);
        return LedgerEntry.Funded(this, transfer, adminUserId, now);
    }

    /// <summary>An admin did not find the transfer: nothing enters the pool and the brand may record another.</summary>
    public void RefusePrizeTransfer(PrizeTransfer transfer, string reason, string adminUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(transfer);
        EnsureOwnTransfer(transfer);
        transfer.Refuse(reason, adminUserId, now);
        PendingTransferAmount = null;
    }

    /// <summary>An admin sends a cancelled challenge's pool (<paramref name="balance"/>, what is left in it) back to its brand.</summary>
    public LedgerEntry ReturnFunds(decimal balance, string reference, string adminUserId, DateTimeOffset now)
    {
        if (!AwaitsFundsReturn || balance <= 0)
        {
            throw new DomainRuleException("funding.nothing-to-return", DomainText.NothingToReturn);
        }

        FundsReturnedAt = now;
        return LedgerEntry.Returned(this, new Money(balance, PrizeCurrency!), reference, adminUserId, now);
    }

    /// <summary>
    /// Refuses prizes that would no longer match the money: once funded, the pool keeps its currency and never falls
    /// below what was transferred; while a transfer awaits an admin, it does not change at all.
    /// </summary>
    private void EnsurePoolFitsFunding(decimal pool, string? currency)
    {
        if (PendingTransferAmount is not null && (pool != PrizePool || currency != PrizeCurrency))
        {
            throw new DomainRuleException("funding.transfer-pending", DomainText.PrizesFixedWhileTransferPending);
        }

        if (FundedAmount > 0 && (pool < FundedAmount || currency != PrizeCurrency))
        {
            throw new DomainRuleException("funding.pool-below-funds", Format(DomainText.PrizePoolBelowFunding, new Money(FundedAmount, PrizeCurrency!)));
        }
    }

    /// <summary>After the pool or the money changed: funded from the moment the money covers every prize.</summary>
    private void RefreshFunding(DateTimeOffset now) =>
        PrizeFundedAt = PrizePool > 0 && FundedAmount >= PrizePool ? PrizeFundedAt ?? now : null;

    private void EnsureOwnTransfer(PrizeTransfer transfer)
    {
        if (transfer.ChallengeId != Id)
        {
            throw new ArgumentException("A transfer for another challenge.", nameof(transfer));
        }
    }
}
