using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;

namespace Crowdsource.Domain.Judging;

/// <summary>How an award was decided.</summary>
public enum AwardMethod
{
    /// <summary>The brand's Owner chose, a moderator confirmed.</summary>
    BrandChoice,

    /// <summary>The brand had not chosen by the judging deadline: the panel's ranking decided.</summary>
    PanelRanking,

    /// <summary>The "People's choice" prize: the most voted entry of the public vote.</summary>
    PublicVote,
}

/// <summary>
/// A prize given to an entry: which tier (rank 1 is the first prize; <see cref="PeoplesChoiceRank"/> is the people's
/// choice), how much, decided how, by whom and when. The licence grant takes effect only when an admin records the
/// payment (<see cref="MarkPaid"/>).
/// </summary>
public sealed class Award
{
    public const int PeoplesChoiceRank = 0;
    public const int PaymentReferenceMaximumLength = Funding.PaymentReference.MaximumLength;

    private Award()
    {
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public int Rank { get; private set; }

    public EntryId EntryId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; }

    public AwardMethod Method { get; private set; }

    /// <summary>The brand Owner who chose, or null when the ranking or the vote decided.</summary>
    public string? DecidedByUserId { get; private set; }

    /// <summary>The moderator who confirmed the brand's choice, or null when decided automatically.</summary>
    public string? ConfirmedByUserId { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string? PaidByUserId { get; private set; }

    public string? PaymentReference { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): two admins cannot both record the payment.</summary>
    public uint Version { get; private set; }

    public bool IsPaid => PaidAt is not null;

    public bool IsPeoplesChoice => Rank == PeoplesChoiceRank;

    public Money Prize => new(Amount, Currency);

    internal static Award Decide(
        Challenge challenge, int rank, Money prize, EntryId entryId, AwardMethod method, string? decidedByUserId, string? confirmedByUserId,
        DateTimeOffset decidedAt) => new()
    {
        Id = Guid.CreateVersion7(decidedAt),
        ChallengeId = challenge.Id,
        Rank = rank,
        EntryId = entryId,
        Amount = prize.Amount,
        Currency = prize.Currency,
        Method = method,
        DecidedByUserId = decidedByUserId,
        ConfirmedByUserId = confirmedByUserId,
        DecidedAt = decidedAt,
    };

    /// <summary>
    /// An admin records that the prize was paid, with the payment's reference. From this moment the licence accepted
    /// with the entry passes to the brand: the returned grant is the record of it.
    /// </summary>
    public LicenceGrant MarkPaid(Challenge challenge, Entry entry, string adminUserId, string paymentReference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        if (challenge.Id != ChallengeId || entry.Id != EntryId)
        {
            throw new ArgumentException("The challenge or entry of another award.", nameof(entry));
        }

        if (IsPaid)
        {
            throw new DomainRuleException("award.already-paid", DomainText.AwardAlreadyPaid);
        }

        var reference = Funding.PaymentReference.Require(paymentReference);

        PaidAt = now;
        PaidByUserId = adminUserId;
        PaymentReference = reference;
        return LicenceGrant.For(this, challenge, entry, now);
    }
}
