using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Privacy;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Privacy;

public sealed class DeleteMyAccountTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Deleting_withdraws_running_entries_erases_files_and_personal_data_and_keeps_the_records()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var email = await fixture.DbAsync(db => db.Users.Where(user => user.Id == chloe.UserId).Select(user => user.Email!).SingleAsync());
        var id = await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), "Mine", null,
            [Uploads.Of("mine.png", TestFiles.Png(seed: 31))], licence, true, true)), chloe);
        var fileId = (await fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(entry => entry.Id == id))).Files[0].FileId;

        var wrong = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new DeleteMyAccount.Command("not my password")), chloe));
        Assert.Single(wrong.Errors["Password"]);

        await fixture.SendAsync(sender => sender.Send(new DeleteMyAccount.Command(Support.Accounts.GoodPassword)), chloe);

        var entry = await fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(candidate => candidate.Id == id));
        Assert.Equal(EntryStatus.Withdrawn, entry.Status);
        Assert.Empty(entry.Files);
        Assert.False(await fixture.DbAsync(db => db.StoredFiles.AnyAsync(file => file.Id == fileId)));
        var acceptance = Assert.Single(entry.Acceptances);
        Assert.Equal((null, null), (acceptance.IpAddress, acceptance.UserAgent));
        Assert.Equal(64, acceptance.LicenceTextSha256.Length);
        Assert.Single(entry.LatestFileRecord.Files);

        var account = await fixture.DbAsync(db => db.Users.AsNoTracking().SingleAsync(user => user.Id == chloe.UserId));
        Assert.Equal(CrowdsourceUser.DeletedDisplayName, account.DisplayName);
        Assert.DoesNotContain(email, account.Email, StringComparison.OrdinalIgnoreCase);
        Assert.Null(account.PasswordHash);
        Assert.Null(await fixture.UserAsync(email));
        Assert.False(await fixture.PasswordWorksAsync(email, Support.Accounts.GoodPassword));
    }

    [Fact]
    public async Task Wrong_passwords_count_towards_the_lockout_so_a_stolen_session_cannot_guess_it_by_deleting()
    {
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Assert.ThrowsAsync<ValidationException>(async () =>
                await fixture.SendAsync(sender => sender.Send(new DeleteMyAccount.Command($"guess number {attempt} of many")), chloe));
        }

        var locked = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new DeleteMyAccount.Command(Support.Accounts.GoodPassword)), chloe));

        Assert.Equal("Too many wrong passwords: for your safety, try again in 15 minutes.", Assert.Single(locked.Errors["Password"]));
        Assert.NotNull(await fixture.DbAsync(db => db.Users.Where(user => user.Id == chloe.UserId).Select(user => user.PasswordHash).SingleAsync()));
    }

    [Fact]
    public async Task The_only_owner_of_a_brand_must_hand_it_over_first()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new DeleteMyAccount.Command(Support.Accounts.GoodPassword)), owner));

        Assert.Equal("account.last-owner", refused.Code);
        Assert.NotNull(await fixture.DbAsync(db => db.Users.Where(user => user.Id == owner.UserId).Select(user => user.PasswordHash).SingleAsync()));
        Assert.True(await fixture.DbAsync(db => db.Brands.AnyAsync(candidate => candidate.Id == brand && candidate.Members.Any(member => member.UserId == owner.UserId))));
    }

    [Fact]
    public async Task The_database_still_refuses_any_other_change_to_an_acceptance_record()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var id = await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), "Mine", null,
            [Uploads.Of("mine.png", TestFiles.Png(seed: 32))], licence, true, true)), chloe);

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "LicenceAcceptances" SET "IpAddress" = NULL, "UserAgent" = NULL, "DeclaredOriginal" = false WHERE "EntryId" = {id.Value}""")));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "LicenceAcceptances" SET "IpAddress" = '198.51.100.1' WHERE "EntryId" = {id.Value}""")));

        Assert.Equal("203.0.113.7", (await fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(entry => entry.Id == id))).CurrentAcceptance.IpAddress);
    }
}
