using System.Globalization;
using Crowdsource.Application.Awards;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Payouts;
using Crowdsource.Application.Privacy;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Payouts;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Payouts;

public sealed class PayoutDetailsTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private const string TypedIban = "FR76 3000 6000 0112 3456 7890 189";
    private const string StoredIban = "FR7630006000011234567890189";

    private Task SaveIbanAsync(Actor creative, string iban = TypedIban, string holder = "Jeanne Dupont") =>
        fixture.SendAsync(sender => sender.Send(new SavePayoutDetails.Command(PayoutMethod.BankTransfer, holder, iban, null)), creative);

    private Task<string> RawRowAsync(string userId) =>
        fixture.DbAsync(db => db.Database.SqlQuery<string>($"""
            SELECT "Method" || ' ' || "ProtectedAccount" || ' ' || "Masked" AS "Value" FROM "PayoutDetails" WHERE "UserId" = {userId}
            """).SingleAsync());

    private static async Task<T> InFrenchAsync<T>(Func<Task<T>> work)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            return await work();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public async Task An_iban_is_stored_encrypted_and_shown_to_its_owner_only_masked()
    {
        var creative = await fixture.ConfirmedAsync(Roles.Creative);

        await SaveIbanAsync(creative);

        var raw = await RawRowAsync(creative.UserId);
        Assert.DoesNotContain(StoredIban, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("30006000011234567890", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("Jeanne", raw, StringComparison.Ordinal);
        var shown = await fixture.SendAsync(sender => sender.Send(new GetMyPayoutDetails.Query()), creative);
        Assert.NotNull(shown);
        Assert.Equal(PayoutMethod.BankTransfer, shown.Method);
        Assert.Equal("FR76 •••• •••• 0189", shown.Masked);
    }

    [Fact]
    public async Task A_paypal_address_is_stored_encrypted_and_replaces_the_iban()
    {
        var creative = await fixture.ConfirmedAsync(Roles.Creative);
        await SaveIbanAsync(creative);

        await fixture.SendAsync(sender => sender.Send(new SavePayoutDetails.Command(PayoutMethod.PayPal, "Jeanne Dupont", TypedIban, " jeanne.dupont@example.org ")), creative);

        var raw = await RawRowAsync(creative.UserId);
        Assert.DoesNotContain("jeanne.dupont@example.org", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("jeanne.dupont", raw, StringComparison.Ordinal);
        var shown = await fixture.SendAsync(sender => sender.Send(new GetMyPayoutDetails.Query()), creative);
        Assert.Equal("j•••@example.org", shown!.Masked);
        Assert.Equal(1, await fixture.DbAsync(db => db.PayoutDetails.CountAsync(details => details.UserId == creative.UserId)));
    }

    [Fact]
    public async Task A_wrong_checksum_is_refused_on_the_iban_field_in_english_and_in_french_and_nothing_is_stored()
    {
        var creative = await fixture.ConfirmedAsync(Roles.Creative);

        var english = await Assert.ThrowsAsync<ValidationException>(() => SaveIbanAsync(creative, "FR76 3000 6000 0112 3456 7890 188"));
        var french = await InFrenchAsync(() => Assert.ThrowsAsync<ValidationException>(() => SaveIbanAsync(creative, "FR76 3000 6000 0112 3456 7890 188")));

        Assert.Equal("This IBAN’s check digits do not match the rest: a character is probably mistyped.", Assert.Single(english.Errors[nameof(SavePayoutDetails.Command.Iban)]));
        Assert.Equal("Les chiffres de contrôle de cet IBAN ne correspondent pas au reste\u00a0: un caractère est sans doute mal saisi.",
            Assert.Single(french.Errors[nameof(SavePayoutDetails.Command.Iban)]));
        Assert.Null(await fixture.SendAsync(sender => sender.Send(new GetMyPayoutDetails.Query()), creative));
    }

    [Fact]
    public async Task A_wrong_length_names_the_expected_length_and_a_bad_paypal_address_or_a_missing_holder_is_refused_on_its_field()
    {
        var creative = await fixture.ConfirmedAsync(Roles.Creative);

        var length = await InFrenchAsync(() => Assert.ThrowsAsync<ValidationException>(() => SaveIbanAsync(creative, "DE89 3704 0044 0532 0130")));
        var paypal = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new SavePayoutDetails.Command(PayoutMethod.PayPal, " ", null, "jeanne@localhost")), creative));

        Assert.Equal("Un IBAN commençant par DE compte 22\u00a0caractères\u202f; celui-ci en compte 20. Vérifiez qu’il n’en manque aucun et qu’aucun n’est en trop.",
            Assert.Single(length.Errors[nameof(SavePayoutDetails.Command.Iban)]));
        Assert.Equal("Enter the e-mail address of your PayPal account, like name@example.org.", Assert.Single(paypal.Errors[nameof(SavePayoutDetails.Command.PayPalEmail)]));
        Assert.Contains(nameof(SavePayoutDetails.Command.HolderName), paypal.Errors.Keys);
        Assert.DoesNotContain(nameof(SavePayoutDetails.Command.Iban), paypal.Errors.Keys);
    }

    [Fact]
    public async Task Only_an_admin_can_reveal_the_details_of_an_unpaid_award_and_each_look_is_audited()
    {
        var finished = await fixture.FinishedAsync(creatives: 2);
        var award = finished.Awards.Single(candidate => candidate.Rank == 1);
        var winner = finished.Winner(1).Creative;
        await SaveIbanAsync(winner);
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        var stranger = await fixture.ConfirmedAsync(Roles.Creative);

        foreach (var someone in new[] { finished.Owner, finished.Moderator, finished.Winner(2).Creative, winner, stranger })
        {
            await Assert.ThrowsAsync<ForbiddenException>(async () =>
                await fixture.SendAsync(sender => sender.Send(new RevealPayoutDetails.Command(award.Id)), someone));
            await Assert.ThrowsAsync<ForbiddenException>(async () =>
                await fixture.SendAsync(sender => sender.Send(new ListAwardPayees.Query([award.Id])), someone));
        }

        Assert.Equal(0, await fixture.DbAsync(db => db.AuditEvents.CountAsync(row => row.Action == "payout-details.revealed" && row.SubjectId == Guid.Parse(winner.UserId))));
        var payees = await fixture.SendAsync(sender => sender.Send(new ListAwardPayees.Query([award.Id])), admin);
        Assert.Equal("FR76 •••• •••• 0189", payees[award.Id].Masked);

        var revealed = await fixture.SendAsync(sender => sender.Send(new RevealPayoutDetails.Command(award.Id)), admin);

        Assert.Equal(new PayoutAccount(PayoutMethod.BankTransfer, "Jeanne Dupont", StoredIban), revealed);
        var line = await fixture.DbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(row => row.Action == "payout-details.revealed" && row.SubjectId == Guid.Parse(winner.UserId)));
        Assert.Equal(admin.UserId, line.ActorUserId);
        Assert.Equal(Guid.Parse(winner.UserId), line.SubjectId);
        Assert.Equal(fixture.Clock.GetUtcNow(), line.OccurredAt);
        Assert.Contains(award.Id.ToString(), line.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(StoredIban, line.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_are_no_longer_revealed_once_the_award_is_paid_or_when_the_winner_has_none()
    {
        var finished = await fixture.FinishedAsync(creatives: 2);
        var first = finished.Awards.Single(candidate => candidate.Rank == 1);
        var second = finished.Awards.Single(candidate => candidate.Rank == 2);
        await SaveIbanAsync(finished.Winner(1).Creative);
        var admin = await fixture.ConfirmedAsync(Roles.Admin);
        await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(first.Id, first.Version, "SEPA-77")), admin);

        await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(new RevealPayoutDetails.Command(first.Id)), admin));
        await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(new RevealPayoutDetails.Command(second.Id)), admin));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new RevealPayoutDetails.Command(Guid.NewGuid())), admin));
        Assert.Empty(await fixture.SendAsync(sender => sender.Send(new ListAwardPayees.Query([first.Id, second.Id])), admin));
    }

    [Fact]
    public async Task The_owner_removes_the_details_and_a_second_removal_changes_nothing()
    {
        var creative = await fixture.ConfirmedAsync(Roles.Creative);
        var other = await fixture.ConfirmedAsync(Roles.Creative);
        await SaveIbanAsync(creative);
        await SaveIbanAsync(other, "DE89 3704 0044 0532 0130 00");

        await fixture.SendAsync(sender => sender.Send(new RemovePayoutDetails.Command()), creative);
        await fixture.SendAsync(sender => sender.Send(new RemovePayoutDetails.Command()), creative);

        Assert.Null(await fixture.SendAsync(sender => sender.Send(new GetMyPayoutDetails.Query()), creative));
        Assert.Equal("DE89 •••• •••• 3000", (await fixture.SendAsync(sender => sender.Send(new GetMyPayoutDetails.Query()), other))!.Masked);
    }

    [Fact]
    public async Task The_export_holds_the_details_masked_and_deleting_the_account_removes_them()
    {
        var creative = await fixture.ConfirmedAsync(Roles.Creative);
        await SaveIbanAsync(creative);

        var plan = await fixture.SendAsync(sender => sender.Send(new ExportMyData.Query()), creative);
        var document = plan.Documents.Single(candidate => candidate.Path == "payout-details.json");
        var json = System.Text.Json.JsonSerializer.Serialize(document.Content);
        Assert.Contains("FR76 •••• •••• 0189", System.Text.RegularExpressions.Regex.Unescape(json), StringComparison.Ordinal);
        Assert.DoesNotContain(StoredIban, json, StringComparison.Ordinal);

        await fixture.SendAsync(sender => sender.Send(new DeleteMyAccount.Command(Support.Accounts.GoodPassword)), creative);

        Assert.False(await fixture.DbAsync(db => db.PayoutDetails.AnyAsync(details => details.UserId == creative.UserId)));
    }

    [Fact]
    public async Task Two_saves_at_once_leave_one_row()
    {
        var creative = await fixture.ConfirmedAsync(Roles.Creative);

        await Task.WhenAll(SaveIbanAsync(creative), SaveIbanAsync(creative, "DE89 3704 0044 0532 0130 00"));

        Assert.Equal(1, await fixture.DbAsync(db => db.PayoutDetails.CountAsync(details => details.UserId == creative.UserId)));
    }
}
