using Crowdsource.Application.Accounts;
using Crowdsource.Application.Brands;
using Crowdsource.Application.Common;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Brands;
using Microsoft.EntityFrameworkCore;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Tests.Accounts;

/// <summary>
/// An address that has not confirmed an account with us receives no text typed by someone else (beyond a brand's name),
/// and names (display names, brand names) hold no link to lure anyone to.
/// </summary>
public sealed class StrangerEmailTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_confirmation_email_does_not_repeat_the_name_typed_at_registration()
    {
        const string Bait = "Call +1-555-0100 now, your card was charged 499 USD";
        var victim = Support.Accounts.NewEmail("victim");

        await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command(Bait, victim, Support.Accounts.GoodPassword, "en")));

        var sent = Assert.Single(await fixture.EmailsToAsync(victim));
        Assert.DoesNotContain("555-0100", sent.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("555-0100", sent.HtmlBody, StringComparison.Ordinal);
        Assert.Null(sent.ToName);
        Assert.StartsWith("Hello,", sent.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_brand_invitation_names_the_brand_and_not_the_person_who_sent_it()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        await fixture.DbAsync(db => db.Users.Where(user => user.Id == owner.UserId)
            .ExecuteUpdateAsync(update => update.SetProperty(user => user.DisplayName, "Crowdsource Security, urgent")));
        var invitee = Support.Accounts.NewEmail("invitee");

        await fixture.SendAsync(sender => sender.Send(new InviteBrandMember.Command(brand, invitee, BrandRole.Editor)), owner);

        var sent = Assert.Single(await fixture.EmailsToAsync(invitee));
        var brandName = await fixture.DbAsync(db => db.Brands.Where(candidate => candidate.Id == brand).Select(candidate => candidate.Name).SingleAsync());
        Assert.DoesNotContain("Crowdsource Security", sent.TextBody, StringComparison.Ordinal);
        Assert.Contains($"join the brand {brandName}", sent.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Crowdsource Security (verify at https://cs-verify.evil.example)")]
    [InlineData("See www.evil.example")]
    [InlineData("Write to help@evil.example")]
    [InlineData("cs-verify.evil.example")]
    [InlineData("Go to EVIL.COM")]
    [InlineData("Ada evil\u200b.com")]
    [InlineData("Ada evil\uff0ecom")]
    [InlineData("Ada evil\u2024com")]
    [InlineData("Ada evil\u3002com")]
    [InlineData("Ada 203.0.113.7")]
    public void A_name_holding_a_link_an_address_or_a_host_is_refused(string name) => Assert.True(PlainNames.HoldsALink(name));

    [Theory]
    [InlineData("Chloé Martin")]
    [InlineData("J.-P. O'Neil")]
    [InlineData("Choco Lab")]
    [InlineData("Atelier n° 5 — Paris")]
    [InlineData("A.B. Studio")]
    public void An_ordinary_name_is_accepted(string name) => Assert.False(PlainNames.HoldsALink(name));

    [Fact]
    public async Task Registration_profile_and_brand_forms_refuse_a_name_with_a_link_on_its_field()
    {
        var registering = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(
            new RegisterAccount.Command("Visit www.evil.example", Support.Accounts.NewEmail(), Support.Accounts.GoodPassword, "en"))));
        var member = await fixture.ConfirmedAsync();
        var profile = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(
            new UpdateProfile.Command("https://evil.example", null, "en")), member));
        var brand = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender => sender.Send(
            new CreateBrand.Command("Support at help@evil.example", Support.Brands.NewSlug(), null, null)), member));

        Assert.Contains(nameof(RegisterAccount.Command.DisplayName), registering.Errors.Keys);
        Assert.Contains(nameof(UpdateProfile.Command.DisplayName), profile.Errors.Keys);
        Assert.Contains(nameof(CreateBrand.Command.Name), brand.Errors.Keys);
        Assert.Contains("web address", brand.Errors[nameof(CreateBrand.Command.Name)][0], StringComparison.Ordinal);
    }
}
