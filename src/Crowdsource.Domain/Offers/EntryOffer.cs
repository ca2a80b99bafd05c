using System.Globalization;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Licensing;

namespace Crowdsource.Domain.Offers;

/// <summary>Where an offer stands. Stored by name; never renamed.</summary>
public enum OfferStatus
{
    /// <summary>Made by the brand, waiting for the creative's answer until it expires.</summary>
    Pending,

    /// <summary>The creative accepted it (and its licence): the brand owes the amount; the rights pass when it is paid.</summary>
    Accepted,

    Declined,

    /// <summary>The brand took it back before the creative answered.</summary>
    Withdrawn,

    /// <summary>Nobody answered in time (shown from <see cref="EntryOffer.ExpiresAt"/> at once, stored when next touched).</summary>
    Expired,
}

/// <summary>
/// A brand's offer to buy the rights of an approved entry that did not win, after the results: an amount in the
/// challenge's prize currency, a short message, and the licence that would apply. The creative accepts (explicitly
/// accepting that licence: the offer keeps the proof, version and SHA-256 of its text) or declines within
/// <see cref="AnswerPeriod"/>; an accepted offer is paid by the brand through the platform, recorded by an admin with
/// the payment's reference, and only then is the licence granted. Declined, withdrawn, expired or unpaid offers transfer
/// nothing.
/// </summary>
public sealed class EntryOffer
{
    public const int MessageMinimumLength = 10;
    public const int MessageMaximumLength = 1000;

    /// <summary>How long the creative has to answer an offer.</summary>
    public static readonly TimeSpan AnswerPeriod = TimeSpan.FromDays(14);

    private EntryOffer()
    {
        CreativeUserId = Currency = Message = MadeByUserId = string.Empty;
    }

    public Guid Id { get; private set; }

    public ChallengeId ChallengeId { get; private set; }

    public EntryId EntryId { get; private set; }

    public BrandId BrandId { get; private set; }

    public string CreativeUserId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; }

    /// <summary>Plain text from the brand to the creative.</summary>
    public string Message { get; private set; }

    /// <summary>The licence that applies if the offer is accepted and paid.</summary>
    public Guid LicenceVersionId { get; private set; }

    /// <summary>The brand's Owner who made it.</summary>
    public string MadeByUserId { get; private set; }

    public DateTimeOffset MadeAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>As stored; read <see cref="StatusAt"/> for what it is now (a pending offer past its expiry is expired).</summary>
    public OfferStatus Status { get; private set; }

    /// <summary>When the creative accepted or declined, the brand withdrew, or the expiry was recorded.</summary>
    public DateTimeOffset? AnsweredAt { get; private set; }

    /// <summary>The SHA-256 of the licence text the creative accepted with the offer (with <see cref="LicenceVersionId"/> and <see cref="AnsweredAt"/>, the acceptance).</summary>
    public string? AcceptedLicenceTextSha256 { get; private set; }

    public string? AcceptedFromIpAddress { get; private set; }

    public string? AcceptedWithUserAgent { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public string? PaidByUserId { get; private set; }

    public string? PaymentReference { get; private set; }

    /// <summary>Concurrency token (PostgreSQL xmin): two admins cannot both record the payment.</summary>
    public uint Version { get; private set; }

    public Money Price => new(Amount, Currency);

    public bool IsPaid => PaidAt is not null;

    /// <summary>What the offer is at <paramref name="now"/>: a pending offer reaches its expiry at <see cref="ExpiresAt"/> exactly.</summary>
    public OfferStatus StatusAt(DateTimeOffset now) => Status == OfferStatus.Pending && now >= ExpiresAt ? OfferStatus.Expired : Status;

    /// <summary>Whether the creative can still answer it.</summary>
    public bool IsOpenAt(DateTimeOffset now) => StatusAt(now) == OfferStatus.Pending;

    /// <summary>
    /// Whether the brand may make an offer on <paramref name="entry"/> now: the one rule, asked by <see cref="Make"/> and
    /// by the page that shows the form. <paramref name="awards"/> are the challenge's; <paramref name="offers"/> the entry's.
    /// </summary>
    public static bool CanBeMade(Challenge challenge, Entry entry, IEnumerable<Award> awards, IEnumerable<EntryOffer> offers, DateTimeOffset now) =>
        Refusal(challenge, entry, awards, offers, now) is null;

    /// <summary>The brand's Owner makes an offer; refused unless <see cref="CanBeMade"/>.</summary>
    public static EntryOffer Make(
        Challenge challenge, Entry entry, IEnumerable<Award> awards, IEnumerable<EntryOffer> offers, string ownerUserId,
        decimal amount, string? message, LicenceVersion licence, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ownerUserId);
        ArgumentNullException.ThrowIfNull(licence);
        if (Refusal(challenge, entry, awards, offers, now) is { } refusal)
        {
            throw refusal;
        }

        var price = new Money(amount, challenge.PrizeCurrency ?? Money.DefaultCurrency);
        var text = (message ?? string.Empty).Trim();
        if (text.Length is < MessageMinimumLength or > MessageMaximumLength)
        {
            throw new DomainRuleException("offer.message-length",
                string.Format(CultureInfo.CurrentCulture, DomainText.OfferMessageLength, MessageMinimumLength, MessageMaximumLength));
        }

        return new EntryOffer
        {
            Id = Guid.CreateVersion7(now),
            ChallengeId = challenge.Id,
            EntryId = entry.Id,
            BrandId = challenge.BrandId,
            CreativeUserId = entry.CreativeUserId,
            Amount = price.Amount,
            Currency = price.Currency,
            Message = text,
            LicenceVersionId = licence.Id,
            MadeByUserId = ownerUserId,
            MadeAt = now,
            ExpiresAt = now + AnswerPeriod,
            Status = OfferStatus.Pending,
        };
    }

    /// <summary>
    /// The creative accepts, ticking that they accept <paramref name="licence"/> for this offer (the version the page
    /// showed must be the offer's). Only while pending and before <see cref="ExpiresAt"/>.
    /// </summary>
    public void Accept(string creativeUserId, LicenceVersion licence, Guid acceptedLicenceVersionId, bool acceptedLicence,
        string? ipAddress, string? userAgent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(licence);
        EnsureCreative(creativeUserId);
        EnsureOpen(now);
        if (!acceptedLicence || licence.Id != LicenceVersionId || acceptedLicenceVersionId != LicenceVersionId)
        {
            throw new DomainRuleException("offer.licence-consent-required", DomainText.OfferLicenceConsentRequired);
        }

        Status = OfferStatus.Accepted;
        AnsweredAt = now;
        AcceptedLicenceTextSha256 = licence.TextSha256;
        AcceptedFromIpAddress = ipAddress is { Length: > 64 } ? ipAddress[..64] : ipAddress;
        AcceptedWithUserAgent = userAgent is { Length: > 512 } ? userAgent[..512] : userAgent;
    }

    /// <summary>The creative declines; nothing is owed and no right passes.</summary>
    public void Decline(string creativeUserId, DateTimeOffset now)
    {
        EnsureCreative(creativeUserId);
        EnsureOpen(now);
        Status = OfferStatus.Declined;
        AnsweredAt = now;
    }

    /// <summary>The brand takes back an offer the creative has not answered.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        EnsureOpen(now);
        Status = OfferStatus.Withdrawn;
        AnsweredAt = now;
    }

    /// <summary>Records the expiry of a pending offer whose time ran out (it already reads as expired). Returns whether it did.</summary>
    public bool RecordExpiry(DateTimeOffset now)
    {
        if (Status != OfferStatus.Pending || now < ExpiresAt)
        {
            return false;
        }

        Status = OfferStatus.Expired;
        AnsweredAt = ExpiresAt;
        return true;
    }

    /// <summary>
    /// An admin records that the brand paid the accepted offer, with the payment's reference. From this moment the
    /// licence the creative accepted with the offer passes to the brand: the returned grant is the record of it.
    /// </summary>
    public LicenceGrant MarkPaid(Challenge challenge, Entry entry, string adminUserId, string paymentReference, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(adminUserId);
        if (challenge.Id != ChallengeId || entry.Id != EntryId)
        {
            throw new ArgumentException("The challenge or entry of another offer.", nameof(entry));
        }

        if (IsPaid)
        {
            throw new DomainRuleException("offer.already-paid", DomainText.OfferAlreadyPaid);
        }

        if (Status != OfferStatus.Accepted)
        {
            throw new DomainRuleException("offer.not-accepted", DomainText.OfferNotAccepted);
        }

        var reference = Funding.PaymentReference.Require(paymentReference);
        PaidAt = now;
        PaidByUserId = adminUserId;
        PaymentReference = reference;
        return LicenceGrant.For(this, challenge, entry, now);
    }

    private void EnsureCreative(string creativeUserId)
    {
        if (!string.Equals(creativeUserId, CreativeUserId, StringComparison.Ordinal))
        {
            throw new DomainRuleException("offer.not-creative", DomainText.OfferOnlyCreativeAnswers);
        }
    }

    private void EnsureOpen(DateTimeOffset now)
    {
        switch (StatusAt(now))
        {
            case OfferStatus.Pending:
                return;
            case OfferStatus.Expired:
                throw new DomainRuleException("offer.expired", DomainText.OfferExpired);
            default:
                throw new DomainRuleException("offer.answered", DomainText.OfferAlreadyAnswered);
        }
    }

    private static DomainRuleException? Refusal(Challenge challenge, Entry entry, IEnumerable<Award> awards, IEnumerable<EntryOffer> offers, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(awards);
        ArgumentNullException.ThrowIfNull(offers);
        if (entry.ChallengeId != challenge.Id)
        {
            throw new ArgumentException("The challenge of another entry.", nameof(entry));
        }

        if (challenge.Status is not (ChallengeStatus.WinnersAnnounced or ChallengeStatus.Completed))
        {
            return new DomainRuleException("offer.before-results", DomainText.OfferBeforeResults);
        }

        if (entry.Status != EntryStatus.Approved || awards.Any(award => award.EntryId == entry.Id))
        {
            return new DomainRuleException("offer.not-eligible", DomainText.OfferEntryNotEligible);
        }

        if (!entry.AcceptsOffers)
        {
            return new DomainRuleException("offer.turned-off", DomainText.OfferTurnedOff);
        }

        var ofEntry = offers.Where(offer => offer.EntryId == entry.Id).ToList();
        if (ofEntry.Any(offer => offer.Status == OfferStatus.Accepted))
        {
            return new DomainRuleException("offer.already-accepted", DomainText.OfferAlreadyAcceptedForEntry);
        }

        return ofEntry.Any(offer => offer.IsOpenAt(now))
            ? new DomainRuleException("offer.already-pending", DomainText.OfferAlreadyPending)
            : null;
    }
}
