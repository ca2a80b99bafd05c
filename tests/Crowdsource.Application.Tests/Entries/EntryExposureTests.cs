using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Entries;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Entries;

/// <summary>
/// What others see of an entry: the brand nothing once it is withdrawn or rejected, and voters only its ballot picture.
/// </summary>
public sealed class EntryExposureTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task After_withdrawal_the_brand_no_longer_opens_the_entry_its_files_or_its_receipt_but_the_author_does()
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var creative = await fixture.ConfirmedAsync();
        var entryId = await fixture.SubmitAsync(challenge, licence, creative, "Paper wrapper");
        var fileId = (await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entryId)), owner)).Entry.Files[0].Id;

        await fixture.SendAsync(sender => sender.Send(new WithdrawEntry.Command(entryId)), creative);

        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entryId)), owner));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(entryId, fileId)), owner));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetLicenceReceipt.Query(entryId)), owner));
        Assert.NotEmpty((await fixture.SendAsync(sender => sender.Send(new GetLicenceReceipt.Query(entryId)), creative)).Pdf);
        Assert.Equal(EntryStatus.Withdrawn, (await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entryId)), creative)).Entry.Status);
    }

    [Fact]
    public async Task After_rejection_the_brand_no_longer_opens_the_entry_but_the_author_and_moderators_do()
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var creative = await fixture.ConfirmedAsync();
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var entryId = await fixture.SubmitAsync(challenge, licence, creative, "Someone else's advert");
        await fixture.DbAsync(async db =>
        {
            var entry = await db.Entries.SingleAsync(candidate => candidate.Id == entryId);
            entry.Reject(await db.Challenges.SingleAsync(candidate => candidate.Id == challenge), "Another brand's advert.", moderator.UserId, fixture.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });

        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entryId)), owner));
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetLicenceReceipt.Query(entryId)), owner));
        Assert.Equal(EntryStatus.Rejected, (await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entryId)), creative)).Entry.Status);
        Assert.Equal(EntryStatus.Rejected, (await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(entryId)), moderator)).Entry.Status);
    }

    [Fact]
    public async Task During_the_public_vote_a_voter_gets_the_ballot_picture_of_an_entry_and_none_of_its_other_files()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        await fixture.DbAsync(async db =>
        {
            var tracked = await db.Challenges.SingleAsync(candidate => candidate.Id == challenge);
            tracked.SetPublicVote(tracked.SubmissionDeadline!.Value.AddDays(7), null, hasEntries: false, fixture.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        var creative = await fixture.ConfirmedAsync();
        var entryId = await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), "Two sides", null,
            [Uploads.Of("front.png", TestFiles.Png(seed: 11)), Uploads.Of("back.png", TestFiles.Png(seed: 12))], licence, AcceptLicence: true, DeclareOriginal: true)), creative);
        await fixture.ApproveAsync(entryId, await fixture.ConfirmedAsync(Roles.Moderator));
        await fixture.PassTheDeadlineAsync(challenge);
        var files = await fixture.DbAsync(db => db.Entries.AsNoTracking().Where(entry => entry.Id == entryId)
            .SelectMany(entry => entry.Files).OrderBy(file => file.Position).Select(file => file.Id).ToListAsync());
        var voter = await fixture.ConfirmedAsync();

        var ballot = await fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(entryId, files[0])), voter);

        Assert.Equal("front.png", ballot.FileName);
        await Assert.ThrowsAsync<NotFoundException>(() => fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(entryId, files[1])), voter));
    }
}
