using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Offers;
using Crowdsource.Domain.Tests.Challenges;
using static Crowdsource.Domain.Tests.Judging.PanelScenario;

namespace Crowdsource.Domain.Tests.Offers;

public sealed class EntryOfferTests
{
    private static readonly DateTimeOffset Announced = DuringJudging.AddHours(1);

    private static readonly DateTimeOffset AfterResults = Announced.AddDays(1);

    private static readonly LicenceVersion ChallengeLicence = LicenceVersion.Publish(ChallengeBuilder.Licence, "exclusive-assignment-on-award", 1,
        LicenceScope.ExclusiveAssignment, LicenceAppliesTo.WinningEntriesOnly, ("Exclusive", "Exclusive"), ("Summary", "Résumé"),
        ("Full text", "Texte complet"), "All media", "Worldwide", "Full term", Now.AddYears(-1));

    private static readonly LicenceVersion OtherLicence = LicenceVersion.Publish(Guid.NewGuid(), "non-exclusive-use", 2,
        LicenceScope.NonExclusiveLicence, LicenceAppliesTo.WinningEntriesOnly, ("Non-exclusive", "Non exclusive"), ("Summary", "Résumé"),
        ("Other full text", "Autre texte complet"), "Online", "Europe", "Five years", Now.AddYears(-1));

    private static string CodeOf(Action action) => Assert.Throws<DomainRuleException>(action).Code;

    /// <summary>Three approved entries; the first two win the two prizes; the results are announced.</summary>
    private static (Challenge Challenge, Entry[] Entries, IReadOnlyList<Award> Awards) Announced3()
    {
        var challenge = Open();
        var entries = new[] { Approved(challenge, "chloe", 3), Approved(challenge, "dev", 4), Approved(challenge, "eve", 5) };
        challenge.ToJudging();
        challenge.SelectWinners([new WinnerPick(1, entries[0].Id), new WinnerPick(2, entries[1].Id)], entries, "owner", DuringJudging);
        var awards = challenge.ConfirmWinners(entries, null, "moderator", Announced);
        return (challenge, entries, awards);
    }

    private static EntryOffer Offer(Challenge challenge, Entry entry, IReadOnlyList<Award> awards, DateTimeOffset? at = null,
        IEnumerable<EntryOffer>? earlier = null, LicenceVersion? licence = null) =>
        EntryOffer.Make(challenge, entry, awards, earlier ?? [], "owner", 750m, "We would love to use your idea.", licence ?? ChallengeLicence, at ?? AfterResults);

    [Fact]
    public void An_offer_is_made_in_the_challenges_prize_currency_pending_for_fourteen_days()
    {
        var (challenge, entries, awards) = Announced3();
        var offer = Offer(challenge, entries[2], awards);

        Assert.Equal((OfferStatus.Pending, 750m, challenge.PrizeCurrency, "eve"), (offer.Status, offer.Amount, offer.Currency, offer.CreativeUserId));
        Assert.Equal(AfterResults + TimeSpan.FromDays(14), offer.ExpiresAt);
        Assert.Equal(challenge.BrandId, offer.BrandId);
    }

    [Fact]
    public void No_offer_before_the_results()
    {
        var challenge = Open();
        var entries = new[] { Approved(challenge, "chloe", 3), Approved(challenge, "dev", 4), Approved(challenge, "eve", 5) };
        Assert.Equal("offer.before-results", CodeOf(() => Offer(challenge, entries[2], [], Now.AddDays(2))));
        challenge.ToJudging();
        Assert.Equal("offer.before-results", CodeOf(() => Offer(challenge, entries[2], [], DuringJudging)));
    }

    [Fact]
    public void No_offer_on_a_winning_entry_or_one_not_approved()
    {
        var challenge = Open();
        var entries = new[] { Approved(challenge, "chloe", 3), Approved(challenge, "dev", 4), Approved(challenge, "eve", 5) };
        var submitted = Submit(challenge, "fay", 6);
        challenge.ToJudging();
        challenge.SelectWinners([new WinnerPick(1, entries[0].Id), new WinnerPick(2, entries[1].Id)], entries, "owner", DuringJudging);
        var awards = challenge.ConfirmWinners(entries, null, "moderator", Announced);

        Assert.Equal("offer.not-eligible", CodeOf(() => Offer(challenge, entries[0], awards)));
        Assert.Equal("offer.not-eligible", CodeOf(() => Offer(challenge, submitted, awards)));
        Assert.True(EntryOffer.CanBeMade(challenge, entries[2], awards, [], AfterResults));
        Assert.False(EntryOffer.CanBeMade(challenge, entries[1], awards, [], AfterResults));
    }

    [Fact]
    public void No_offer_when_the_creative_turned_offers_off_for_the_entry()
    {
        var (challenge, entries, awards) = Announced3();
        Assert.True(entries[2].AcceptsOffers);
        entries[2].SetAcceptsOffers(false, AfterResults);

        Assert.Equal("offer.turned-off", CodeOf(() => Offer(challenge, entries[2], awards)));
        entries[2].SetAcceptsOffers(true, AfterResults);
        Assert.Equal(OfferStatus.Pending, Offer(challenge, entries[2], awards).Status);
    }

    [Fact]
    public void At_most_one_pending_offer_per_entry_and_none_after_one_was_accepted()
    {
        var (challenge, entries, awards) = Announced3();
        var first = Offer(challenge, entries[2], awards);
        Assert.Equal("offer.already-pending", CodeOf(() => Offer(challenge, entries[2], awards, earlier: [first])));

        first.Decline("eve", AfterResults.AddHours(1));
        var second = Offer(challenge, entries[2], awards, AfterResults.AddHours(2), [first]);
        second.Accept("eve", ChallengeLicence, ChallengeLicence.Id, true, null, null, AfterResults.AddHours(3));

        Assert.Equal("offer.already-accepted", CodeOf(() => Offer(challenge, entries[2], awards, AfterResults.AddHours(4), [first, second])));
    }

    [Fact]
    public void The_message_is_required_within_its_limits()
    {
        var (challenge, entries, awards) = Announced3();
        Assert.Equal("offer.message-length", CodeOf(() =>
            EntryOffer.Make(challenge, entries[2], awards, [], "owner", 100m, "short", ChallengeLicence, AfterResults)));
        Assert.Equal("offer.message-length", CodeOf(() =>
            EntryOffer.Make(challenge, entries[2], awards, [], "owner", 100m, new string('x', EntryOffer.MessageMaximumLength + 1), ChallengeLicence, AfterResults)));
        Assert.Equal("money.invalid-amount", CodeOf(() =>
            EntryOffer.Make(challenge, entries[2], awards, [], "owner", 0m, "A fair message to send.", ChallengeLicence, AfterResults)));
    }

    [Fact]
    public void The_offer_expires_at_its_expiry_exactly_and_can_no_longer_be_accepted()
    {
        var (challenge, entries, awards) = Announced3();
        var offer = Offer(challenge, entries[2], awards);
        var justBefore = offer.ExpiresAt.AddTicks(-1);

        Assert.Equal(OfferStatus.Pending, offer.StatusAt(justBefore));
        Assert.Equal(OfferStatus.Expired, offer.StatusAt(offer.ExpiresAt));
        Assert.Equal("offer.expired", CodeOf(() => offer.Accept("eve", ChallengeLicence, ChallengeLicence.Id, true, null, null, offer.ExpiresAt)));
        Assert.Equal("offer.expired", CodeOf(() => offer.Decline("eve", offer.ExpiresAt)));
        Assert.False(offer.RecordExpiry(justBefore));
        Assert.True(offer.RecordExpiry(offer.ExpiresAt));
        Assert.Equal(OfferStatus.Expired, offer.Status);
        // An expired offer no longer blocks a new one.
        Assert.True(EntryOffer.CanBeMade(challenge, entries[2], awards, [offer], offer.ExpiresAt));
    }

    [Fact]
    public void The_offer_can_be_accepted_until_the_tick_before_its_expiry()
    {
        var (challenge, entries, awards) = Announced3();
        var offer = Offer(challenge, entries[2], awards);
        offer.Accept("eve", ChallengeLicence, ChallengeLicence.Id, true, "203.0.113.9", "Firefox", offer.ExpiresAt.AddTicks(-1));

        Assert.Equal(OfferStatus.Accepted, offer.StatusAt(offer.ExpiresAt.AddDays(30)));
        Assert.Equal(ChallengeLicence.TextSha256, offer.AcceptedLicenceTextSha256);
    }

    [Fact]
    public void Only_the_entrys_creative_answers_and_only_while_pending()
    {
        var (challenge, entries, awards) = Announced3();
        var offer = Offer(challenge, entries[2], awards);

        Assert.Equal("offer.not-creative", CodeOf(() => offer.Accept("chloe", ChallengeLicence, ChallengeLicence.Id, true, null, null, AfterResults)));
        Assert.Equal("offer.not-creative", CodeOf(() => offer.Decline("owner", AfterResults)));
        offer.Decline("eve", AfterResults.AddHours(1));
        Assert.Equal("offer.answered", CodeOf(() => offer.Accept("eve", ChallengeLicence, ChallengeLicence.Id, true, null, null, AfterResults.AddHours(2))));
        Assert.Equal("offer.answered", CodeOf(() => offer.Withdraw(AfterResults.AddHours(2))));
    }

    [Fact]
    public void Accepting_needs_the_explicit_consent_to_the_offers_own_licence()
    {
        var (challenge, entries, awards) = Announced3();
        var offer = Offer(challenge, entries[2], awards, licence: OtherLicence);

        Assert.Equal("offer.licence-consent-required", CodeOf(() => offer.Accept("eve", OtherLicence, OtherLicence.Id, false, null, null, AfterResults)));
        Assert.Equal("offer.licence-consent-required", CodeOf(() => offer.Accept("eve", OtherLicence, ChallengeLicence.Id, true, null, null, AfterResults)));
        Assert.Equal("offer.licence-consent-required", CodeOf(() => offer.Accept("eve", ChallengeLicence, ChallengeLicence.Id, true, null, null, AfterResults)));
        offer.Accept("eve", OtherLicence, OtherLicence.Id, true, null, null, AfterResults);
        Assert.Equal(OtherLicence.TextSha256, offer.AcceptedLicenceTextSha256);
    }

    [Fact]
    public void A_withdrawn_offer_cannot_be_answered()
    {
        var (challenge, entries, awards) = Announced3();
        var offer = Offer(challenge, entries[2], awards);
        offer.Withdraw(AfterResults.AddHours(1));

        Assert.Equal(OfferStatus.Withdrawn, offer.StatusAt(AfterResults.AddHours(1)));
        Assert.Equal("offer.answered", CodeOf(() => offer.Decline("eve", AfterResults.AddHours(2))));
    }

    [Fact]
    public void Only_an_accepted_offer_is_paid_once_and_its_grant_carries_the_offers_licence()
    {
        var (challenge, entries, awards) = Announced3();
        var offer = Offer(challenge, entries[2], awards, licence: OtherLicence);
        Assert.Equal("offer.not-accepted", CodeOf(() => offer.MarkPaid(challenge, entries[2], "admin", "SEPA-OFFER-1", AfterResults)));
        offer.Accept("eve", OtherLicence, OtherLicence.Id, true, null, null, AfterResults.AddHours(1));
        Assert.Equal("payment.reference-required", CodeOf(() => offer.MarkPaid(challenge, entries[2], "admin", " ", AfterResults.AddHours(2))));

        var grant = offer.MarkPaid(challenge, entries[2], "admin", "SEPA-OFFER-1", AfterResults.AddHours(2));

        Assert.Equal((offer.Id, (Guid?)null, (Guid?)null), (grant.OfferId!.Value, grant.AwardId, grant.LicenceAcceptanceId));
        Assert.Equal((OtherLicence.Id, OtherLicence.TextSha256, "eve"), (grant.LicenceVersionId, grant.LicenceTextSha256, grant.CreativeUserId));
        Assert.NotEqual(entries[2].CurrentAcceptance.LicenceVersionId, grant.LicenceVersionId);
        Assert.Equal("offer.already-paid", CodeOf(() => offer.MarkPaid(challenge, entries[2], "admin", "SEPA-OFFER-1", AfterResults.AddHours(3))));
    }

    [Fact]
    public void An_offer_paid_is_a_ledger_line_outside_the_prize_pool()
    {
        var (challenge, entries, awards) = Announced3();
        var offer = Offer(challenge, entries[2], awards);
        offer.Accept("eve", ChallengeLicence, ChallengeLicence.Id, true, null, null, AfterResults.AddHours(1));
        offer.MarkPaid(challenge, entries[2], "admin", "SEPA-OFFER-2", AfterResults.AddHours(2));

        var line = LedgerEntry.OfferPaid(challenge, offer, "admin", AfterResults.AddHours(2));

        Assert.Equal((LedgerMovement.OfferPaid, 750m, false, 0), (line.Movement, line.Amount, line.ChangesPool, line.Direction));
        Assert.Equal((offer.Id, entries[2].Id), (line.OfferId!.Value, line.EntryId!.Value));
        Assert.DoesNotContain(LedgerMovement.OfferPaid, LedgerEntry.PoolMovements);
    }
}
