using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Licensing;

namespace Crowdsource.Domain.Judging;

/// <summary>
/// A share of a challenge's runner-up pool given to an entry that did not win (decided by
/// <see cref="Challenge.DecideRunnerUpRewards"/> with the results). Paid like a prize, by an admin with the payment's
/// reference; it buys no rights, unless the challenge's licence says it does (<see cref="LicenceVersion.GrantsRightsForRunnerUps"/>).
/// </summary>
public sealed class RunnerUpReward
{
    private RunnerUpReward()
    {
        Currency = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public EntryId EntryId { get; private set; }

    /// <summary>1 for the best-ranked runner-up (who receives the odd cents first).</summary>
    public int Place { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string? PaidByUserId { get; private set; }

    public string? PaymentReference { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): two admins cannot both record the payment.</summary>
    public uint Version { get; private set; }

    public bool IsPaid => PaidAt is not null;

    public Money Reward => new(Amount, Currency);

    /// <summary>
    /// The pool split equally among <paramref name="count"/> entries, to the cent: the shares differ by at most one cent,
    /// the extra cents go to the first (best-ranked) ones, and they add up exactly to the pool. None for nobody.
    /// </summary>
    public static IReadOnlyList<decimal> Split(decimal pool, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pool);
        if (count == 0)
        {
            return [];
        }

        var cents = decimal.ToInt64(decimal.Round(pool * 100, 0, MidpointRounding.ToZero));
        count = (int)Math.Min(count, cents); // never a share of nothing
        var each = cents / count;
        var extra = cents % count;
        return [.. Enumerable.Range(0, count).Select(index => (each + (index < extra ? 1 : 0)) / 100m)];
    }

    internal static RunnerUpReward Decide(Challenge challenge, EntryId entryId, int place, Money reward, DateTimeOffset decidedAt) => new()
    {
        Id = Guid.CreateVersion7(decidedAt),
        ChallengeId = challenge.Id,
        EntryId = entryId,
        Place = place,
        Amount = reward.Amount,
        Currency = reward.Currency,
        DecidedAt = decidedAt,
    };

    /// <summary>
    /// An admin records that the reward was paid, with the payment's reference. Rights pass only when the licence the
    /// creative accepted says runner-up rewards buy them (<paramref name="licence"/>): then the grant is returned, else null.
    /// </summary>
    public LicenceGrant? MarkPaid(Challenge challenge, Entry entry, LicenceVersion licence, string adminUserId, string paymentReference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(licence);
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        if (challenge.Id != ChallengeId || entry.Id != EntryId || licence.Id != entry.CurrentAcceptance.LicenceVersionId)
        {
            throw new ArgumentException("The challenge, entry or licence of another reward.", nameof(entry));
        }

        if (IsPaid)
        {
            throw new DomainRuleException("runner-up.already-paid", DomainText.RunnerUpAlreadyPaid);
        }

        var reference = Funding.PaymentReference.Require(paymentReference);
        PaidAt = now;
        PaidByUserId = adminUserId;
        PaymentReference = reference;
        return licence.GrantsRightsForRunnerUps ? LicenceGrant.For(this, challenge, entry, now) : null;
    }
}
