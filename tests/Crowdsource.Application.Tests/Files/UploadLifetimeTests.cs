using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files.Uploads;
using Crowdsource.Application.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Files;

/// <summary>Resumable uploads are kept while someone may still use them, and not longer; and one person cannot hoard them.</summary>
public sealed class UploadLifetimeTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task An_upload_left_unfinished_for_a_day_is_deleted_with_its_chunks_and_a_recent_one_is_kept()
    {
        var creative = await fixture.ConfirmedAsync();
        var old = await fixture.SendAsync(sender => sender.Send(new StartUpload.Command("old.pdf", 2000)), creative);
        await fixture.SendAsync(sender => sender.Send(new AppendToUpload.Command(old.Id, 0, new byte[2000])), creative);
        fixture.Clock.Advance(TimeSpan.FromHours(23));
        var recent = await fixture.SendAsync(sender => sender.Send(new StartUpload.Command("recent.pdf", 2000)), creative);
        fixture.Clock.Advance(TimeSpan.FromHours(1));

        var deleted = await fixture.SendAsync(sender => sender.Send(new DeleteAbandonedUploads.Command()));

        Assert.True(deleted >= 1);
        var left = await fixture.DbAsync(db => db.Uploads.Where(upload => upload.Id == old.Id || upload.Id == recent.Id).Select(upload => upload.Id).ToListAsync());
        Assert.Equal([recent.Id], left);
        var chunks = await fixture.DbAsync(db => db.Database
            .SqlQuery<int>($"""SELECT count(*)::int AS "Value" FROM "UploadChunks" WHERE "UploadId" = {old.Id}""").SingleAsync());
        Assert.Equal(0, chunks);
    }

    [Fact]
    public async Task One_person_has_at_most_the_configured_number_of_unfinished_uploads()
    {
        var creative = await fixture.ConfirmedAsync();
        for (var i = 0; i < 20; i++)
        {
            await fixture.SendAsync(sender => sender.Send(new StartUpload.Command($"file{i}.pdf", 10)), creative);
        }

        var refused = await Assert.ThrowsAsync<ValidationException>(() => fixture.SendAsync(sender => sender.Send(new StartUpload.Command("one-more.pdf", 10)), creative));
        Assert.Contains("too many unfinished uploads", refused.Errors.Values.Single().Single(), StringComparison.Ordinal);
        // Someone else is not held back by it.
        await fixture.SendAsync(sender => sender.Send(new StartUpload.Command("theirs.pdf", 10)), await fixture.ConfirmedAsync());
    }
}
