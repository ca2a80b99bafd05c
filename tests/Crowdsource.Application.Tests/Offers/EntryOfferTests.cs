using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Earnings;
using Crowdsource.Application.Funding;
using Crowdsource.Application.Offers;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Offers;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crowdsource.Application.Tests.Offers;

/// <summary>Offers on entries that did not win, through the use cases, on PostgreSQL.</summary>
public sealed class EntryOfferTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private const string Message = "We would like to print your wrapper on our spring range.";

    private async Task<(FinishedChallenge Finished, EntryId Entry, Actor Creative)> FinishedAsync()
    {
        var finished = await fixture.FinishedAsync();
        var (entry, creative) = finished.Losers.Single();
        return (finished, entry, creative);
    }

    private Task<Guid> OfferAsync(FinishedChallenge finished, EntryId entry, decimal amount = 900m, Guid? licence = null, Actor? by = null) =>
        fixture.SendAsync(sender => sender.Send(new MakeOffer.Command(entry, amount, Message, licence)), by ?? finished.Owner);

    private Task<EntryOffer> LoadAsync(Guid offerId) => fixture.DbAsync(db => db.EntryOffers.AsNoTracking().SingleAsync(offer => offer.Id == offerId));

    private async Task AcceptAsync(Guid offerId, Actor creative)
    {
        var offer = await LoadAsync(offerId);
        await fixture.SendAsync(sender => sender.Send(new AcceptOffer.Command(offerId, offer.LicenceVersionId, true)), creative);
    }

    private async Task PayAsync(Guid offerId, Actor admin, string reference = "SEPA-OFFER-0042")
    {
        var version = (await LoadAsync(offerId)).Version;
        await fixture.SendAsync(sender => sender.Send(new MarkOfferPaid.Command(offerId, version, reference)), admin);
    }

    [Fact]
    public async Task The_owner_makes_an_offer_in_the_prize_currency_under_the_challenges_licence_and_the_creative_is_told()
    {
        var (finished, entry, creative) = await FinishedAsync();

        var id = await OfferAsync(finished, entry);

        var offer = await LoadAsync(id);
        var challenge = await fixture.LoadAsync(finished.Challenge);
        Assert.Equal((OfferStatus.Pending, 900m, challenge.PrizeCurrency, challenge.LicenceVersionId!.Value, creative.UserId),
            (offer.Status, offer.Amount, offer.Currency, offer.LicenceVersionId, offer.CreativeUserId));
        Assert.Equal(fixture.Clock.GetUtcNow() + EntryOffer.AnswerPeriod, offer.ExpiresAt);
        Assert.True(await fixture.DbAsync(db => db.AuditEvents.AnyAsync(row => row.SubjectId == finished.Challenge.Value && row.Action == "offer.made")));
        Assert.True(await fixture.DbAsync(db => db.Notifications.AnyAsync(note => note.UserId == creative.UserId && note.Kind == Domain.Notifications.NotificationKind.OfferReceived)));
        var mine = await fixture.SendAsync(sender => sender.Send(new ListMyOffers.Query(entry)), creative);
        Assert.Equal(id, Assert.Single(mine).Id);
    }

    [Fact]
    public async Task An_editor_is_refused_and_people_outside_the_brand_learn_nothing()
    {
        var (finished, entry, creative) = await FinishedAsync();
        var brand = (await fixture.LoadAsync(finished.Challenge)).BrandId;
        var editor = await fixture.BrandMemberAsync(brand, BrandRole.Editor);
        var (_, otherOwner) = await fixture.BrandWithOwnerAsync();
        var stranger = await fixture.ConfirmedAsync(Roles.Creative);

        await Assert.ThrowsAsync<ForbiddenException>(() => OfferAsync(finished, entry, by: editor));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferAsync(finished, entry, by: otherOwner));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferAsync(finished, entry, by: creative));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferAsync(finished, entry, by: finished.Moderator));
        await Assert.ThrowsAsync<NotFoundException>(() => OfferAsync(finished, entry, by: stranger));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new ListChallengeOffers.Query(finished.Challenge)), otherOwner));

        Assert.False(await fixture.DbAsync(db => db.EntryOffers.AnyAsync(offer => offer.EntryId == entry)));
        var list = await fixture.SendAsync(sender => sender.Send(new ListChallengeOffers.Query(finished.Challenge)), editor);
        Assert.False(list.ViewerIsOwner);
        Assert.All(list.Rows, row => Assert.False(row.CanMakeOffer));
    }

    [Fact]
    public async Task The_brand_lists_only_approved_entries_that_did_not_win()
    {
        var (finished, entry, _) = await FinishedAsync();

        var list = await fixture.SendAsync(sender => sender.Send(new ListChallengeOffers.Query(finished.Challenge)), finished.Owner);

        var row = Assert.Single(list.Rows);
        Assert.Equal((entry.Value, true), (row.EntryId, row.CanMakeOffer));
        Assert.True(list.ViewerIsOwner);
    }

    [Fact]
    public async Task The_same_offer_sent_twice_at_once_makes_one_offer()
    {
        var (finished, entry, _) = await FinishedAsync();

        var ids = await Task.WhenAll(OfferAsync(finished, entry), OfferAsync(finished, entry));

        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(1, await fixture.DbAsync(db => db.EntryOffers.CountAsync(offer => offer.EntryId == entry)));
    }

    [Fact]
    public async Task The_database_keeps_one_pending_offer_per_entry()
    {
        var (finished, entry, _) = await FinishedAsync();
        var id = await OfferAsync(finished, entry);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => fixture.DbAsync(db => db.Database.ExecuteSqlAsync($"""
            INSERT INTO "EntryOffers" ("Id", "ChallengeId", "EntryId", "BrandId", "CreativeUserId", "Amount", "Currency", "Message",
                "LicenceVersionId", "MadeByUserId", "MadeAt", "ExpiresAt", "Status")
            SELECT {Guid.NewGuid()}, "ChallengeId", "EntryId", "BrandId", "CreativeUserId", 10, "Currency", "Message", "LicenceVersionId",
                "MadeByUserId", "MadeAt", "ExpiresAt", 'Pending' FROM "EntryOffers" WHERE "Id" = {id}
            """)));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, refused.SqlState);
    }

    [Fact]
    public async Task The_creative_turns_offers_off_and_no_offer_can_be_made_then()
    {
        var (finished, entry, creative) = await FinishedAsync();
        await Assert.ThrowsAsync<NotFoundException>(() =>
            fixture.SendAsync(sender => sender.Send(new SetEntryAcceptsOffers.Command(entry, false)), finished.Owner));

        await fixture.SendAsync(sender => sender.Send(new SetEntryAcceptsOffers.Command(entry, false)), creative);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => OfferAsync(finished, entry));
        Assert.Equal("offer.turned-off", refused.Code);
        Assert.True(await fixture.DbAsync(db => db.AuditEvents.AnyAsync(row => row.SubjectId == entry.Value && row.Action == "entry.offers-off")));
    }

    [Fact]
    public async Task Only_the_creative_answers_and_declined_withdrawn_or_expired_offers_transfer_nothing()
    {
        var (finished, entry, creative) = await FinishedAsync();
        var other = finished.Winner(1).Creative;
        var declined = await OfferAsync(finished, entry);

        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new DeclineOffer.Command(declined)), other));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new DeclineOffer.Command(declined)), finished.Owner));
        await fixture.SendAsync(sender => sender.Send(new DeclineOffer.Command(declined)), creative);

        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var withdrawn = await OfferAsync(finished, entry, 950m);
        await fixture.SendAsync(sender => sender.Send(new WithdrawOffer.Command(withdrawn)), finished.Owner);
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var expired = await OfferAsync(finished, entry, 1000m);
        fixture.Clock.Advance(EntryOffer.AnswerPeriod);
        var late = await Assert.ThrowsAsync<DomainRuleException>(() => AcceptAsync(expired, creative));
        Assert.Equal("offer.expired", late.Code);

        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        foreach (var id in new[] { declined, withdrawn, expired })
        {
            var refused = await Assert.ThrowsAsync<DomainRuleException>(() => PayAsync(id, admin));
            Assert.Equal("offer.not-accepted", refused.Code);
        }

        Assert.False(await fixture.DbAsync(db => db.LicenceGrants.AnyAsync(grant => grant.EntryId == entry)));
        Assert.False(await fixture.DbAsync(db => db.LedgerEntries.AnyAsync(line => line.EntryId == entry)));
        var mine = await fixture.SendAsync(sender => sender.Send(new ListMyOffers.Query(entry)), creative);
        Assert.Equal([OfferStatus.Expired, OfferStatus.Withdrawn, OfferStatus.Declined], mine.Select(offer => offer.Status));
        // An expired offer no longer stands in the way of a new one.
        await OfferAsync(finished, entry, 1100m);
    }

    [Fact]
    public async Task An_accepted_offer_under_another_licence_is_paid_once_its_grant_uses_the_offers_licence_and_the_pool_is_unchanged()
    {
        var (finished, entry, creative) = await FinishedAsync();
        var challenge = await fixture.LoadAsync(finished.Challenge);
        var otherLicence = await fixture.DbAsync(db => db.LicenceVersions.Where(version => version.Id != challenge.LicenceVersionId)
            .OrderBy(version => version.TemplateKey).FirstAsync());
        var poolBefore = await fixture.DbAsync(db => ((ICrowdsourceDb)db).BalanceAsync(finished.Challenge, CancellationToken.None));
        Assert.True(poolBefore > 0); // the challenge was funded: the pool is there to be left alone
        var id = await OfferAsync(finished, entry, 1200m, otherLicence.Id);
        var wrongTick = await Assert.ThrowsAsync<DomainRuleException>(() =>
            fixture.SendAsync(sender => sender.Send(new AcceptOffer.Command(id, challenge.LicenceVersionId!.Value, true)), creative));
        Assert.Equal("offer.licence-consent-required", wrongTick.Code);
        await AcceptAsync(id, creative);
        var (first, second) = (await fixture.ConfirmedAsync(Roles.Admin), await fixture.ConfirmedAsync(Roles.Admin));
        var version = (await LoadAsync(id)).Version;

        await Task.WhenAll(
            fixture.SendAsync(sender => sender.Send(new MarkOfferPaid.Command(id, version, "SEPA-OFFER-RACE")), first),
            fixture.SendAsync(sender => sender.Send(new MarkOfferPaid.Command(id, version, "SEPA-OFFER-RACE")), second));

        var grant = await fixture.DbAsync(db => db.LicenceGrants.AsNoTracking().SingleAsync(candidate => candidate.EntryId == entry));
        Assert.Equal((id, (Guid?)null, (Guid?)null), (grant.OfferId!.Value, grant.AwardId, grant.LicenceAcceptanceId));
        Assert.Equal((otherLicence.Id, otherLicence.TextSha256), (grant.LicenceVersionId, grant.LicenceTextSha256));
        var line = await fixture.DbAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(candidate => candidate.OfferId == id));
        Assert.Equal((LedgerMovement.OfferPaid, 1200m, "SEPA-OFFER-RACE"), (line.Movement, line.Amount, line.Reference));
        Assert.Equal(poolBefore, await fixture.DbAsync(db => ((ICrowdsourceDb)db).BalanceAsync(finished.Challenge, CancellationToken.None)));
        Assert.Equal(1, await fixture.DbAsync(db => db.AuditEvents.CountAsync(row => row.SubjectId == finished.Challenge.Value && row.Action == "offer.paid")));
        var earnings = await fixture.SendAsync(sender => sender.Send(new ListMyEarnings.Query()), creative);
        var earning = Assert.Single(earnings.Earnings, candidate => candidate.Kind == EarningKind.Offer);
        Assert.Equal((id, 1200m, true, true), (earning.Id, earning.Amount, earning.IsPaid, earning.HasGrant));
        // A different reference afterwards would be a second payment.
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => PayAsync(id, first, "WIRE-OTHER-7"));
        // The entry is sold: no further offer.
        Assert.Equal("offer.already-accepted", (await Assert.ThrowsAsync<DomainRuleException>(() => OfferAsync(finished, entry, 50m))).Code);
    }

    [Fact]
    public async Task An_accepted_offer_awaits_payment_in_the_creatives_earnings_without_a_grant()
    {
        var (finished, entry, creative) = await FinishedAsync();
        var id = await OfferAsync(finished, entry, 300m);
        await AcceptAsync(id, creative);

        var earnings = await fixture.SendAsync(sender => sender.Send(new ListMyEarnings.Query()), creative);
        var earning = Assert.Single(earnings.Earnings, candidate => candidate.Kind == EarningKind.Offer);
        Assert.Equal((false, false), (earning.IsPaid, earning.HasGrant));
        Assert.False(await fixture.DbAsync(db => db.LicenceGrants.AnyAsync(grant => grant.OfferId == id)));
        var toPay = await fixture.SendAsync(sender => sender.Send(new ListOffersToPay.Query()), await fixture.ConfirmedAsync(Roles.Admin));
        Assert.Contains(toPay.Rows, row => row.Id == id && !row.IsPaid);
        await Assert.ThrowsAsync<ForbiddenException>(() => PayAsync(id, finished.Owner));
        await Assert.ThrowsAsync<ForbiddenException>(() => PayAsync(id, creative));
    }

    [Fact]
    public async Task The_database_refuses_to_change_or_delete_an_offer_paid_line_or_its_grant()
    {
        var (finished, entry, creative) = await FinishedAsync();
        var id = await OfferAsync(finished, entry);
        await AcceptAsync(id, creative);
        await PayAsync(id, await fixture.ConfirmedAsync(Roles.Admin));

        await Assert.ThrowsAsync<PostgresException>(() => fixture.DbAsync(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "LedgerEntries" SET "Amount" = 1 WHERE "OfferId" = {id}""")));
        await Assert.ThrowsAsync<PostgresException>(() => fixture.DbAsync(db =>
            db.Database.ExecuteSqlAsync($"""DELETE FROM "LedgerEntries" WHERE "OfferId" = {id}""")));
        await Assert.ThrowsAsync<PostgresException>(() => fixture.DbAsync(db =>
            db.Database.ExecuteSqlAsync($"""UPDATE "LicenceGrants" SET "LicenceTextSha256" = repeat('0', 64) WHERE "OfferId" = {id}""")));
        Assert.Equal(900m, (await fixture.DbAsync(db => db.LedgerEntries.AsNoTracking().SingleAsync(line => line.OfferId == id))).Amount);
    }
}
