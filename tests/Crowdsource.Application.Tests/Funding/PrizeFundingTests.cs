using Crowdsource.Application.Awards;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Funding;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crowdsource.Application.Tests.Funding;

public sealed class PrizeFundingTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    /// <summary>A complete draft (prizes 5,000 + 1,500 EUR) sent for review, not funded.</summary>
    private async Task<(ChallengeId Id, BrandId Brand, Actor Owner)> InReviewAsync(DateTimeOffset? opensAt = null)
    {
        var (id, brand, owner) = await fixture.CompleteDraftAsync(opensAt);
        await fixture.SendAsync(sender => sender.Send(new SubmitChallengeForReview.Command(id)), owner);
        return (id, brand, owner);
    }

    private Task RecordAsync(ChallengeId id, Actor who, string reference) =>
        fixture.SendAsync(sender => sender.Send(new RecordPrizeTransfer.Command(id, reference)), who);

    private Task<PrizeTransfer> PendingAsync(ChallengeId id) =>
        fixture.DbAsync(db => db.PrizeTransfers.AsNoTracking().SingleAsync(transfer => transfer.ChallengeId == id && transfer.Status == PrizeTransferStatus.AwaitingConfirmation));

    private Task<List<LedgerEntry>> LedgerAsync(ChallengeId id) =>
        fixture.DbAsync(db => db.LedgerEntries.AsNoTracking().Where(line => line.ChallengeId == id).OrderBy(line => line.RecordedAt).ToListAsync());

    [Fact]
    public async Task A_challenge_is_published_only_once_an_admin_confirms_the_brands_transfer_for_the_whole_pool()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var (id, _, owner) = await InReviewAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(id)), moderator));
        Assert.Equal("challenge.not-funded", refused.Code);

        await RecordAsync(id, owner, "  SEPA-2026-11-0042 ");
        var transfer = await PendingAsync(id);
        Assert.Equal(6500m, transfer.Amount);
        Assert.Equal("EUR", transfer.Currency);
        Assert.Equal("SEPA-2026-11-0042", transfer.Reference);
        Assert.Contains(await fixture.DbAsync(db => db.Notifications.Where(n => n.UserId == admin.UserId).Select(n => n.Kind).ToListAsync()),
            kind => kind == NotificationKind.PrizeTransferRecorded);
        await Assert.ThrowsAsync<DomainRuleException>(() => fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(id)), moderator));

        await fixture.SendAsync(sender => sender.Send(new ConfirmPrizeTransfer.Command(transfer.Id, transfer.Version)), admin);
        await fixture.SendAsync(sender => sender.Send(new ApproveChallenge.Command(id)), moderator);

        var challenge = await fixture.LoadAsync(id);
        Assert.True(challenge.IsPrizeFunded);
        Assert.Equal(6500m, challenge.FundedAmount);
        Assert.Equal(ChallengeStatus.Scheduled, challenge.Status);
        var line = Assert.Single(await LedgerAsync(id));
        Assert.Equal((LedgerMovement.PrizeFunded, 6500m, "EUR", "SEPA-2026-11-0042", admin.UserId), (line.Movement, line.Amount, line.Currency, line.Reference, line.RecordedByUserId));
        var actions = await fixture.DbAsync(db => db.AuditEvents.Where(row => row.SubjectId == id.Value).Select(row => row.Action).ToListAsync());
        Assert.Contains("funding.transfer-recorded", actions);
        Assert.Contains("funding.transfer-confirmed", actions);
        Assert.Contains(await fixture.DbAsync(db => db.Notifications.Where(n => n.UserId == owner.UserId).Select(n => n.Kind).ToListAsync()),
            kind => kind == NotificationKind.PrizeFunded);
    }

    [Fact]
    public async Task Only_an_owner_of_the_brand_records_a_transfer_and_nobody_else_learns_the_challenge_exists()
    {
        var (id, brand, owner) = await InReviewAsync();
        var (_, otherOwner) = await fixture.BrandWithOwnerAsync();
        var creative = await fixture.ConfirmedAsync();
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var editor = await fixture.ConfirmedAsync();
        var email = await fixture.DbAsync(db => db.Users.Where(user => user.Id == editor.UserId).Select(user => user.Email!).SingleAsync());
        await fixture.SendAsync(sender => sender.Send(new InviteBrandMember.Command(brand, email, BrandRole.Editor)), owner);
        var token = TestSiteLinks.TokenIn((await fixture.EmailsToAsync(email)).Single(sent => sent.Subject.StartsWith("Join", StringComparison.Ordinal)).TextBody);
        await fixture.SendAsync(sender => sender.Send(new AcceptBrandInvitation.Command(token)), editor);

        await Assert.ThrowsAsync<ForbiddenException>(() => RecordAsync(id, editor with { Roles = [.. editor.Roles, "BrandMember"] }, "SEPA-EDITOR"));
        await Assert.ThrowsAsync<NotFoundException>(() => RecordAsync(id, otherOwner, "SEPA-OTHER"));
        await Assert.ThrowsAsync<NotFoundException>(() => RecordAsync(id, creative, "SEPA-CREATIVE"));
        await Assert.ThrowsAsync<NotFoundException>(() => RecordAsync(id, moderator, "SEPA-MODERATOR"));
        await Assert.ThrowsAsync<NotFoundException>(() => RecordAsync(new ChallengeId(Guid.NewGuid()), owner, "SEPA-NOWHERE"));
        Assert.False(await fixture.DbAsync(db => db.PrizeTransfers.AnyAsync(transfer => transfer.ChallengeId == id)));

        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetChallengeFunding.Query(id)), otherOwner));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetChallengeFunding.Query(id)), creative));
        var seenByEditor = await fixture.SendAsync(sender => sender.Send(new GetChallengeFunding.Query(id)), editor);
        Assert.False(seenByEditor.MayRecordTransfer);
        var seenByModerator = await fixture.SendAsync(sender => sender.Send(new GetChallengeFunding.Query(id)), moderator);
        Assert.Equal(6500m, seenByModerator.Shortfall);
        Assert.True((await fixture.SendAsync(sender => sender.Send(new GetChallengeFunding.Query(id)), owner)).MayRecordTransfer);
    }

    [Fact]
    public async Task Only_admins_confirm_or_refuse_and_see_the_desk()
    {
        var (id, _, owner) = await InReviewAsync();
        await RecordAsync(id, owner, "SEPA-ADMINS-ONLY");
        var transfer = await PendingAsync(id);
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);

        foreach (var intruder in new[] { owner, moderator, await fixture.ConfirmedAsync() })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => fixture.SendAsync(sender => sender.Send(new ConfirmPrizeTransfer.Command(transfer.Id, transfer.Version)), intruder));
            await Assert.ThrowsAsync<ForbiddenException>(() => fixture.SendAsync(sender => sender.Send(new RefusePrizeTransfer.Command(transfer.Id, transfer.Version, "Not on the account at all.")), intruder));
            await Assert.ThrowsAsync<ForbiddenException>(() => fixture.SendAsync(sender => sender.Send(new GetFundingDesk.Query()), intruder));
        }

        Assert.Equal(PrizeTransferStatus.AwaitingConfirmation, (await PendingAsync(id)).Status);
        Assert.Empty(await LedgerAsync(id));
    }

    [Fact]
    public async Task The_same_transfer_posted_twice_is_recorded_once_and_a_second_one_waits_for_the_first()
    {
        var (id, _, owner) = await InReviewAsync();

        await Task.WhenAll(RecordAsync(id, owner, "SEPA-TWICE"), RecordAsync(id, owner, "SEPA-TWICE"));
        var another = await Assert.ThrowsAsync<DomainRuleException>(() => RecordAsync(id, owner, "SEPA-ANOTHER"));

        Assert.Equal("funding.transfer-pending", another.Code);
        Assert.Single(await fixture.DbAsync(db => db.PrizeTransfers.Where(transfer => transfer.ChallengeId == id).ToListAsync()));
    }

    [Fact]
    public async Task Two_admins_confirming_at_once_put_the_money_in_the_pool_once()
    {
        var (id, _, owner) = await InReviewAsync();
        await RecordAsync(id, owner, "SEPA-RACE");
        var transfer = await PendingAsync(id);
        var (first, second) = (await fixture.ConfirmedAsync(Roles.Admin), await fixture.ConfirmedAsync(Roles.Admin));

        await Task.WhenAll(
            fixture.SendAsync(sender => sender.Send(new ConfirmPrizeTransfer.Command(transfer.Id, transfer.Version)), first),
            fixture.SendAsync(sender => sender.Send(new ConfirmPrizeTransfer.Command(transfer.Id, transfer.Version)), second));

        Assert.Single(await LedgerAsync(id));
        Assert.Equal(6500m, (await fixture.LoadAsync(id)).FundedAmount);
    }

    [Fact]
    public async Task A_refused_transfer_puts_nothing_in_the_pool_the_brand_reads_why_and_records_again()
    {
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var (id, _, owner) = await InReviewAsync();
        await RecordAsync(id, owner, "SEPA-TYPO");
        var transfer = await PendingAsync(id);

        await Assert.ThrowsAsync<ValidationException>(() => fixture.SendAsync(sender => sender.Send(new RefusePrizeTransfer.Command(transfer.Id, transfer.Version, "no")), admin));
        await fixture.SendAsync(sender => sender.Send(new RefusePrizeTransfer.Command(transfer.Id, transfer.Version, "No transfer with this reference arrived.")), admin);
        var late = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => fixture.SendAsync(sender => sender.Send(new ConfirmPrizeTransfer.Command(transfer.Id, transfer.Version)), admin));

        Assert.NotNull(late);
        Assert.Empty(await LedgerAsync(id));
        var funding = await fixture.SendAsync(sender => sender.Send(new GetChallengeFunding.Query(id)), owner);
        Assert.Equal("No transfer with this reference arrived.", Assert.Single(funding.Transfers).RefusalReason);
        Assert.True(funding.MayRecordTransfer);
        await RecordAsync(id, owner, "SEPA-RIGHT");
        Assert.Equal("SEPA-RIGHT", (await PendingAsync(id)).Reference);
    }

    [Fact]
    public async Task Prizes_stay_as_funded_while_a_transfer_waits_and_never_fall_below_the_money_afterwards()
    {
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var (id, _, owner) = await InReviewAsync();
        await fixture.SendAsync(sender => sender.Send(new WithdrawChallengeFromReview.Command(id)), owner);
        await RecordAsync(id, owner, "SEPA-FIXED");
        var challenge = await fixture.LoadAsync(id);
        var lowered = Support.Challenges.CompleteEdit(id, challenge.Version, challenge.LicenceVersionId!.Value, fixture.Clock.GetUtcNow()) with { PrizeAmounts = [4000m] };

        var whileWaiting = await Assert.ThrowsAsync<ValidationException>(() => fixture.SendAsync(sender => sender.Send(lowered), owner));
        Assert.Contains(whileWaiting.Errors.SelectMany(error => error.Value), message => message.Contains("awaiting an admin", StringComparison.Ordinal));

        var transfer = await PendingAsync(id);
        await fixture.SendAsync(sender => sender.Send(new ConfirmPrizeTransfer.Command(transfer.Id, transfer.Version)), admin);
        challenge = await fixture.LoadAsync(id);
        var belowFunds = await Assert.ThrowsAsync<ValidationException>(() => fixture.SendAsync(sender => sender.Send(lowered with { Version = challenge.Version }), owner));
        Assert.Contains(belowFunds.Errors.SelectMany(error => error.Value), message => message.Contains("were funded with", StringComparison.Ordinal));
        Assert.Equal(6500m, (await fixture.LoadAsync(id)).PrizePool);

        var raised = lowered with { Version = challenge.Version, PrizeAmounts = [6000m, 1500m] };
        await fixture.SendAsync(sender => sender.Send(raised), owner);
        challenge = await fixture.LoadAsync(id);
        Assert.False(challenge.IsPrizeFunded);
        Assert.Equal(1000m, challenge.FundingShortfall);
        await RecordAsync(id, owner, "SEPA-TOP-UP");
        Assert.Equal(1000m, (await PendingAsync(id)).Amount);
    }

    [Fact]
    public async Task A_cancelled_challenge_gets_its_pool_back_once_and_the_ledger_says_so()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var (id, _, owner) = await fixture.PublishedAsync(moderator);
        await Assert.ThrowsAsync<DomainRuleException>(() => fixture.SendAsync(sender => sender.Send(new ReturnPrizeFunds.Command(id, "SEPA-TOO-EARLY")), admin));

        await fixture.SendAsync(sender => sender.Send(new CancelChallenge.Command(id, "The product was withdrawn from sale.")), moderator);
        var desk = await fixture.SendAsync(sender => sender.Send(new GetFundingDesk.Query()), admin);
        Assert.Equal(6500m, Assert.Single(desk.Returns, pool => pool.ChallengeId == id).Balance);

        await Assert.ThrowsAsync<ForbiddenException>(() => fixture.SendAsync(sender => sender.Send(new ReturnPrizeFunds.Command(id, "SEPA-BACK")), moderator));
        await fixture.SendAsync(sender => sender.Send(new ReturnPrizeFunds.Command(id, "SEPA-BACK")), admin);
        await fixture.SendAsync(sender => sender.Send(new ReturnPrizeFunds.Command(id, "SEPA-BACK")), admin);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => fixture.SendAsync(sender => sender.Send(new ReturnPrizeFunds.Command(id, "SEPA-OTHER")), admin));

        var ledger = await LedgerAsync(id);
        Assert.Equal([LedgerMovement.PrizeFunded, LedgerMovement.FundsReturned], ledger.Select(line => line.Movement));
        var funding = await fixture.SendAsync(sender => sender.Send(new GetChallengeFunding.Query(id)), owner);
        Assert.Equal(0m, funding.Balance);
        Assert.False(funding.AwaitsFundsReturn);
        Assert.DoesNotContain((await fixture.SendAsync(sender => sender.Send(new GetFundingDesk.Query()), admin)).Returns, pool => pool.ChallengeId == id);
    }

    [Fact]
    public async Task Prizes_are_paid_from_the_pool_one_ledger_line_each()
    {
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var finished = await fixture.FinishedAsync(creatives: 2);
        foreach (var award in finished.Awards)
        {
            var version = (await fixture.AwardAsync(award.Id)).Version;
            await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(award.Id, version, $"PAY-{award.Rank}")), admin);
        }

        var ledger = await LedgerAsync(finished.Challenge);
        var paid = ledger.Where(line => line.Movement == LedgerMovement.PrizePaid).ToList();
        Assert.Equal(finished.Awards.Select(award => award.Id).Order(), paid.Select(line => line.AwardId!.Value).Order());
        Assert.Equal(finished.Awards.Sum(award => award.Amount), paid.Sum(line => line.Amount));
        var funding = await fixture.SendAsync(sender => sender.Send(new GetChallengeFunding.Query(finished.Challenge)), finished.Owner);
        Assert.Equal(funding.Funded - finished.Awards.Sum(award => award.Amount), funding.Balance);
    }

    [Fact]
    public async Task The_ledger_cannot_be_changed_or_deleted_in_the_database()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (id, _, _) = await fixture.PublishedAsync(moderator);
        var line = Assert.Single(await LedgerAsync(id));

        var update = await Assert.ThrowsAsync<PostgresException>(() => fixture.DbAsync(db =>
            db.LedgerEntries.Where(row => row.Id == line.Id).ExecuteUpdateAsync(set => set.SetProperty(row => row.Amount, 1m))));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => fixture.DbAsync(db =>
            db.LedgerEntries.Where(row => row.Id == line.Id).ExecuteDeleteAsync()));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, update.SqlState);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, delete.SqlState);
        Assert.Contains("LedgerEntries are records", update.MessageText, StringComparison.Ordinal);
        Assert.Equal(line.Amount, Assert.Single(await LedgerAsync(id)).Amount);
    }
}
