using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Privacy;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Accounts;

public sealed class CreativeProfileTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_creative_s_picture_is_public_replacing_it_deletes_the_old_one_and_a_deleted_account_has_no_profile()
    {
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var first = TestFiles.Png(seed: 41);

        await fixture.SendAsync(sender => sender.Send(new UpdateProfile.Command("Chloé", "Illustrator in Lyon.", "fr", Uploads.Of("me.png", first))), chloe);
        var shown = await fixture.SendAsync(sender => sender.Send(new GetAvatar.Query(chloe.UserId)));
        Assert.Equal(first, await fixture.StoredBytesAsync(shown.FileId));
        var profile = await fixture.SendAsync(sender => sender.Send(new GetCreativeProfile.Query(chloe.UserId)));
        Assert.Equal(("Chloé", "Illustrator in Lyon.", shown.FileId), (profile.DisplayName, profile.Bio, profile.AvatarFileId));

        await fixture.SendAsync(sender => sender.Send(new UpdateProfile.Command("Chloé", null, "fr", Uploads.Of("me2.png", TestFiles.Png(seed: 42)))), chloe);
        Assert.False(await fixture.DbAsync(db => db.StoredFiles.AnyAsync(file => file.Id == shown.FileId)));

        var notAnImage = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender =>
            sender.Send(new UpdateProfile.Command("Chloé", null, "fr", Uploads.Of("me.png", TestFiles.Pdf()))), chloe));
        Assert.Single(notAnImage.Errors["Avatar"]);

        var current = (await fixture.SendAsync(sender => sender.Send(new GetAvatar.Query(chloe.UserId)))).FileId;
        await fixture.SendAsync(sender => sender.Send(new DeleteMyAccount.Command(Support.Accounts.GoodPassword)), chloe);
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetCreativeProfile.Query(chloe.UserId))));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetAvatar.Query(chloe.UserId))));
        Assert.False(await fixture.DbAsync(db => db.StoredFiles.AnyAsync(file => file.Id == current)));
    }
}
