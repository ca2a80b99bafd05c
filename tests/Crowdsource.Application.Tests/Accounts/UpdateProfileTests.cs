using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;

namespace Crowdsource.Application.Tests.Accounts;

public sealed class UpdateProfileTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Saves_the_display_name_bio_and_email_language_of_the_signed_in_person_only()
    {
        var me = await fixture.ConfirmedAsync();
        var other = await fixture.ConfirmedAsync();

        await fixture.SendAsync(sender => sender.Send(new UpdateProfile.Command("  Chloé Martin ", "Illustrator in Lyon.", "fr")), me);

        var mine = await fixture.SendAsync(sender => sender.Send(new GetMyProfile.Query()), me);
        Assert.Equal("Chloé Martin", mine.DisplayName);
        Assert.Equal("Illustrator in Lyon.", mine.Bio);
        Assert.Equal("fr", mine.PreferredCulture);
        var theirs = await fixture.SendAsync(sender => sender.Send(new GetMyProfile.Query()), other);
        Assert.Equal("Test Person", theirs.DisplayName);
    }

    [Fact]
    public async Task Refuses_an_empty_name_and_an_overlong_bio()
    {
        var me = await fixture.ConfirmedAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new UpdateProfile.Command("", new string('b', CrowdsourceUser.BioMaximumLength + 1), "en")), me));

        Assert.Equal(["Bio", "DisplayName"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
