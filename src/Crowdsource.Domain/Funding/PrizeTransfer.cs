using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Funding;

public enum PrizeTransferStatus
{
    /// <summary>The brand says it sent the money; an admin has not yet seen it arrive.</summary>
    AwaitingConfirmation,

    /// <summary>An admin saw the money arrive: it is in the challenge's prize pool (a ledger line).</summary>
    Confirmed,

    /// <summary>An admin did not find the money, and said why; nothing entered the pool.</summary>
    Refused,
}

/// <summary>
/// A bank transfer a brand made to fund a challenge's prizes, with the reference it quoted: recorded by the brand's
/// owner, then confirmed (or refused) by an admin who checked the platform's account. Created by
/// <see cref="Challenge.RecordPrizeTransfer"/>.
/// </summary>
public sealed class PrizeTransfer
{
    public const int RefusalReasonMaximumLength = 500;

    /// <summary>Whether an admin's reason for refusing a transfer says enough (10 to 500 characters, trimmed) for the brand to act on.</summary>
    public static bool IsRefusalReason(string? reason) => (reason ?? string.Empty).Trim().Length is >= 10 and <= RefusalReasonMaximumLength;

    private PrizeTransfer()
    {
        Currency = Reference = RecordedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public BrandId BrandId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; }

    /// <summary>The reference the brand's bank gave the transfer.</summary>
    public string Reference { get; private set; }

    public string RecordedByUserId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public PrizeTransferStatus Status { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? RefusalReason { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): two admins cannot both decide.</summary>
    public uint Version { get; private set; }

    public Money Money => new(Amount, Currency);

    internal static PrizeTransfer Record(Challenge challenge, Money amount, string reference, string userId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ChallengeId = challenge.Id,
        BrandId = challenge.BrandId,
        Amount = amount.Amount,
        Currency = amount.Currency,
        Reference = PaymentReference.Require(reference),
        RecordedByUserId = userId,
        RecordedAt = now,
        Status = PrizeTransferStatus.AwaitingConfirmation,
    };

    internal void Confirm(string adminUserId, DateTimeOffset now)
    {
        EnsureAwaiting();
        Status = PrizeTransferStatus.Confirmed;
        DecidedByUserId = adminUserId;
        DecidedAt = now;
    }

    internal void Refuse(string reason, string adminUserId, DateTimeOffset now)
    {
        EnsureAwaiting();
        if (!IsRefusalReason(reason))
        {
            throw new DomainRuleException("transfer.reason-required", DomainText.TransferRefusalReasonRequired);
        }

        Status = PrizeTransferStatus.Refused;
        RefusalReason = reason.Trim();
        DecidedByUserId = adminUserId;
        DecidedAt = now;
    }

    private void EnsureAwaiting()
    {
        if (Status != PrizeTransferStatus.AwaitingConfirmation)
        {
            throw new DomainRuleException("transfer.decided", DomainText.TransferAlreadyDecided);
        }
    }
}
