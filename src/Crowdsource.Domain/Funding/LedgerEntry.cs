using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Offers;

namespace Crowdsource.Domain.Funding;

/// <summary>Which way money moved. Stored by name; never renamed.</summary>
public enum LedgerMovement
{
    /// <summary>A brand's transfer arrived in the challenge's prize pool (an admin confirmed it).</summary>
    PrizeFunded,

    /// <summary>A prize was paid to its winner from the pool.</summary>
    PrizePaid,

    /// <summary>What was left in the pool of a cancelled challenge went back to the brand.</summary>
    FundsReturned,

    /// <summary>
    /// A brand paid an offer it made on an entry that did not win. The money comes from the brand, not from the
    /// challenge's prize pool: the line is in the challenge's ledger but does not change the pool (<see cref="LedgerEntry.ChangesPool"/>).
    /// </summary>
    OfferPaid,
    /// <summary>A runner-up reward was paid to its creative from the pool.</summary>
    RunnerUpPaid,
}

/// <summary>
/// One money movement of a challenge: written once, by the use case that moved the money, and never changed or
/// deleted (the database refuses, as for the audit trail). Amounts are positive; <see cref="Movement"/> gives the
/// direction. The pool's balance is what was funded minus what left it.
/// </summary>
public sealed class LedgerEntry
{
    private LedgerEntry()
    {
        Currency = Reference = RecordedByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public BrandId BrandId { get; private set; }

    public LedgerMovement Movement { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; }

    /// <summary>The bank's reference of the movement.</summary>
    public string Reference { get; private set; }

    public Guid? PrizeTransferId { get; private set; }

    public Guid? AwardId { get; private set; }

    public EntryId? EntryId { get; private set; }

    public Guid? RunnerUpRewardId { get; private set; }

    public Guid? OfferId { get; private set; }

    /// <summary>The admin who recorded the movement.</summary>
    public string RecordedByUserId { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The one place that says which movements go through the prize pool: all but an offer paid by the brand.</summary>
    public static readonly IReadOnlyList<LedgerMovement> PoolMovements =
        [LedgerMovement.PrizeFunded, LedgerMovement.PrizePaid, LedgerMovement.RunnerUpPaid, LedgerMovement.FundsReturned];

    /// <summary>Whether the line moves money in or out of the challenge's prize pool (an offer paid by the brand does not).</summary>
    public bool ChangesPool => PoolMovements.Contains(Movement);

    /// <summary>+1 for money entering the pool, -1 for money leaving it, 0 for a payment outside the pool (an offer).</summary>
    public int Direction => !ChangesPool ? 0 : Movement == LedgerMovement.PrizeFunded ? 1 : -1;

    public Money Money => new(Amount, Currency);

    internal static LedgerEntry Funded(Challenge challenge, PrizeTransfer transfer, string adminUserId, DateTimeOffset now)
    {
        var line = Line(challenge, LedgerMovement.PrizeFunded, transfer.Money, transfer.Reference, adminUserId, now);
        line.PrizeTransferId = transfer.Id;
        return line;
    }

    internal static LedgerEntry Returned(Challenge challenge, Money amount, string reference, string adminUserId, DateTimeOffset now) =>
        Line(challenge, LedgerMovement.FundsReturned, amount, reference, adminUserId, now);

    /// <summary>The line of a prize paid (<see cref="Award.MarkPaid"/> is the moment).</summary>
    public static LedgerEntry PrizePaid(Challenge challenge, Award award, string adminUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(award);
        if (!award.IsPaid || award.ChallengeId != challenge.Id)
        {
            throw new ArgumentException("A paid award of this challenge.", nameof(award));
        }

        var line = Line(challenge, LedgerMovement.PrizePaid, award.Prize, award.PaymentReference!, adminUserId, now);
        line.AwardId = award.Id;
        line.EntryId = award.EntryId;
        return line;
    }

    /// <summary>The line of an offer paid by the brand (<see cref="EntryOffer.MarkPaid"/> is the moment); outside the pool.</summary>
    public static LedgerEntry OfferPaid(Challenge challenge, EntryOffer offer, string adminUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(offer);
        if (!offer.IsPaid || offer.ChallengeId != challenge.Id)
        {
            throw new ArgumentException("A paid offer of this challenge.", nameof(offer));
        }

        var line = Line(challenge, LedgerMovement.OfferPaid, offer.Price, offer.PaymentReference!, adminUserId, now);
        line.OfferId = offer.Id;
        line.EntryId = offer.EntryId;
        return line;
    }

    /// <summary>The line of a runner-up reward paid (<see cref="RunnerUpReward.MarkPaid"/> is the moment).</summary>
    public static LedgerEntry RunnerUpPaid(Challenge challenge, RunnerUpReward reward, string adminUserId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(reward);
        if (!reward.IsPaid || reward.ChallengeId != challenge.Id)
        {
            throw new ArgumentException("A paid runner-up reward of this challenge.", nameof(reward));
        }

        var line = Line(challenge, LedgerMovement.RunnerUpPaid, reward.Reward, reward.PaymentReference!, adminUserId, now);
        line.RunnerUpRewardId = reward.Id;
        line.EntryId = reward.EntryId;
        return line;
    }

    private static LedgerEntry Line(Challenge challenge, LedgerMovement movement, Money amount, string reference, string adminUserId, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ChallengeId = challenge.Id,
        BrandId = challenge.BrandId,
        Movement = movement,
        Amount = amount.Amount,
        Currency = amount.Currency,
        Reference = PaymentReference.Require(reference),
        RecordedByUserId = adminUserId,
        RecordedAt = now,
    };
}
