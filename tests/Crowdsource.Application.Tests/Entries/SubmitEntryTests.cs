using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Files;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Entries;

public sealed class SubmitEntryTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private Task<(ChallengeId Challenge, Actor Owner, Guid Licence)> OpenChallengeAsync() => fixture.OpenAsync();

    private static SubmitEntry.Command Entry(ChallengeId challenge, Guid licence, params UploadedFile[] files) =>
        new(challenge, Guid.NewGuid(), "Paper wrapper", "Printed with vegetable inks.",
            files.Length > 0 ? files : [Uploads.Of("front.png", TestFiles.Png(seed: 1)), Uploads.Of("back.png", TestFiles.Png(seed: 2))],
            licence, AcceptLicence: true, DeclareOriginal: true);

    private Task<Entry> LoadEntryAsync(EntryId id) => fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(entry => entry.Id == id));

    [Fact]
    public async Task A_submission_keeps_the_files_and_an_acceptance_record_of_the_exact_licence_text()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var front = TestFiles.Png(seed: 1);

        var id = await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence, Uploads.Of("front.png", front), Uploads.Of("guide.pdf", TestFiles.Pdf()))), chloe);

        var entry = await LoadEntryAsync(id);
        var version = await fixture.DbAsync(db => db.LicenceVersions.SingleAsync(candidate => candidate.Id == licence));
        var acceptance = Assert.Single(entry.Acceptances);
        Assert.Equal((chloe.UserId, licence, version.TextSha256, "203.0.113.7", "xunit browser", fixture.Clock.GetUtcNow()),
            (acceptance.CreativeUserId, acceptance.LicenceVersionId, acceptance.LicenceTextSha256, acceptance.IpAddress, acceptance.UserAgent, acceptance.AcceptedAt));
        Assert.Equal([TestFiles.Sha256(front), TestFiles.Sha256(TestFiles.Pdf())], Assert.Single(entry.FileRecords).Files.Select(file => file.Sha256));
        Assert.Equal(["image/png", "application/pdf"], entry.Files.OrderBy(file => file.Position).Select(file => file.ContentType));
        Assert.Equal(front, await fixture.StoredBytesAsync(entry.Files.Single(file => file.Position == 0).FileId));
    }

    [Fact]
    public async Task The_acceptance_record_cannot_be_changed_or_deleted_even_in_the_database()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var id = await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence)), chloe);

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "LicenceAcceptances" SET "LicenceTextSha256" = repeat('0', 64) WHERE "EntryId" = {id.Value}""")));
        await Assert.ThrowsAnyAsync<Exception>(() => fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"""DELETE FROM "EntryFilesRecords" WHERE "EntryId" = {id.Value}""")));

        Assert.Single((await LoadEntryAsync(id)).Acceptances);
    }

    [Fact]
    public async Task Without_both_ticks_nothing_is_sent_and_each_box_says_why()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var filesBefore = await fixture.DbAsync(db => db.StoredFiles.CountAsync());

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender =>
            sender.Send(Entry(challenge, licence) with { AcceptLicence = false, DeclareOriginal = false }), chloe));

        Assert.Equal(["AcceptLicence", "DeclareOriginal"], error.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(filesBefore, await fixture.DbAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task Consent_to_another_licence_version_than_the_challenge_s_is_refused()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var other = await fixture.DbAsync(db => db.LicenceVersions.Where(version => version.Id != licence).Select(version => version.Id).FirstAsync());
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);

        var error = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender =>
            sender.Send(Entry(challenge, licence) with { LicenceVersionId = other }), chloe));

        Assert.Equal("entry.licence-mismatch", error.Code);
    }

    [Fact]
    public async Task An_upload_that_ends_after_the_deadline_is_refused_whatever_the_time_it_began()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var deadline = (await fixture.LoadAsync(challenge)).SubmissionDeadline!.Value;
        fixture.Clock.SetUtcNow(deadline.AddSeconds(-5)); // the form was opened five seconds before the deadline
        var slow = TestFiles.Png(300, 300);
        var upload = new UploadedFile("slow.png", slow.Length,
            () => new ClockAdvancingStream(slow, fixture.Clock, TimeSpan.FromSeconds(10))); // and the last byte arrives after it

        var error = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender =>
            sender.Send(Entry(challenge, licence, upload)), chloe));

        Assert.Equal("entry.closed", error.Code);
        Assert.False(await fixture.DbAsync(db => db.Entries.AnyAsync(entry => entry.ChallengeId == challenge)));
        Assert.False(await fixture.DbAsync(db => db.StoredFiles.AnyAsync(file => file.Sha256 == TestFiles.Sha256(slow))));
    }

    [Fact]
    public async Task Two_submissions_at_the_same_moment_cannot_pass_the_limit_per_creative()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence)), chloe);
        await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence)), chloe);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence)), chloe);
                return "submitted";
            }
            catch (DomainRuleException refused)
            {
                return refused.Code;
            }
        }));

        Assert.Equal(["entry.limit-reached", "submitted"], attempts.Order(StringComparer.Ordinal));
        Assert.Equal(3, await fixture.DbAsync(db => db.Entries.CountAsync(entry => entry.ChallengeId == challenge)));
    }

    [Fact]
    public async Task The_same_form_sent_twice_makes_one_entry()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var command = Entry(challenge, licence);

        var ids = await Task.WhenAll(
            fixture.SendAsync(sender => sender.Send(command), chloe),
            fixture.SendAsync(sender => sender.Send(command), chloe));

        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(1, await fixture.DbAsync(db => db.Entries.CountAsync(entry => entry.ChallengeId == challenge)));
    }

    [Fact]
    public async Task The_brand_cannot_enter_its_own_challenge_and_nobody_enters_a_draft()
    {
        var (challenge, owner, licence) = await OpenChallengeAsync();
        var (draft, _, _) = await fixture.CompleteDraftAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);

        var brand = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence)), owner));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(Entry(draft, licence)), chloe));

        Assert.Equal("entry.by-brand", brand.Code);
    }

    [Fact]
    public async Task An_entry_is_seen_by_its_author_the_brand_and_moderators_only_and_withdrawing_frees_a_place()
    {
        var (challenge, owner, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var other = await fixture.ConfirmedAsync(Roles.Creative);
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var id = await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence)), chloe);
        var fileId = (await LoadEntryAsync(id)).Files[0].Id;

        Assert.True((await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(id)), chloe)).ViewerIsAuthor);
        Assert.False((await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(id)), owner)).ViewerIsAuthor);
        await fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(id, fileId)), moderator);
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetEntry.Query(id)), other));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(id, fileId)), other));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetEntryFile.Query(id, fileId))));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new WithdrawEntry.Command(id)), other));

        await fixture.SendAsync(sender => sender.Send(new WithdrawEntry.Command(id)), chloe);
        await fixture.SendAsync(sender => sender.Send(new WithdrawEntry.Command(id)), chloe);

        var entry = await LoadEntryAsync(id);
        Assert.Equal(EntryStatus.Withdrawn, entry.Status);
        Assert.Single(entry.Acceptances);
        Assert.Equal(["entry.submitted", "entry.withdrawn"], (await fixture.DbAsync(db => db.AuditEvents.Where(line => line.SubjectId == id.Value)
            .Select(line => line.Action).ToListAsync())).Order(StringComparer.Ordinal));
        for (var count = 0; count < 3; count++)
        {
            await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence)), chloe); // the withdrawn entry no longer counts
        }

        var mine = await fixture.SendAsync(sender => sender.Send(new ListMyEntries.Query()), chloe);
        Assert.Equal(4, mine.Rows.Count);
        Assert.Equal(EntryStatus.Withdrawn, mine.Rows.Single(row => row.Id == id).Status);
    }

    [Fact]
    public async Task Images_get_a_small_jpeg_preview_and_replacing_them_deletes_the_previews_too()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var id = await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence,
            Uploads.Of("wide.png", TestFiles.Png(1200, 800, seed: 3)), Uploads.Of("brief.pdf", TestFiles.Pdf()))), chloe);

        var entry = await LoadEntryAsync(id);
        var image = entry.Files.Single(file => file.FileName == "wide.png");
        Assert.Null(entry.Files.Single(file => file.FileName == "brief.pdf").ThumbnailFileId);
        var preview = await fixture.DbAsync(db => db.StoredFiles.SingleAsync(file => file.Id == image.ThumbnailFileId));
        Assert.Equal("image/jpeg", preview.ContentType);
        using (var decoded = SkiaSharp.SKBitmap.Decode(await fixture.StoredBytesAsync(preview.Id)))
        {
            Assert.Equal((480, 320), (decoded.Width, decoded.Height));
        }

        await fixture.SendAsync(sender => sender.Send(new EditEntry.Command(id, entry.Version, "Replaced", null,
            [Uploads.Of("small.png", TestFiles.Png(seed: 4))], licence, false, false)), chloe);

        Assert.False(await fixture.DbAsync(db => db.StoredFiles.AnyAsync(file => file.Id == preview.Id || file.Id == image.FileId)));
        Assert.NotNull((await LoadEntryAsync(id)).Files.Single().ThumbnailFileId);
    }

    [Fact]
    public async Task Editing_replaces_the_files_records_their_hashes_against_the_same_acceptance_and_deletes_the_old_ones()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var id = await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence)), chloe);
        var before = await LoadEntryAsync(id);
        var replacement = TestFiles.Png(seed: 9);

        await fixture.SendAsync(sender => sender.Send(new EditEntry.Command(id, before.Version, "Paper wrapper, folded", null,
            [Uploads.Of("folded.png", replacement)], licence, false, false)), chloe);

        var after = await LoadEntryAsync(id);
        Assert.Equal("Paper wrapper, folded", after.Title);
        Assert.Equal([TestFiles.Sha256(replacement)], after.Files.Select(file => file.Sha256));
        Assert.Single(after.Acceptances);
        Assert.Equal(2, after.FileRecords.Count);
        Assert.Equal([TestFiles.Sha256(replacement)], after.LatestFileRecord.Files.Select(file => file.Sha256));
        var oldFiles = before.Files.Select(file => file.FileId).ToList();
        Assert.False(await fixture.DbAsync(db => db.StoredFiles.AnyAsync(file => oldFiles.Contains(file.Id))));
    }

    [Fact]
    public async Task An_edit_from_an_old_copy_a_stranger_s_edit_and_a_late_edit_are_refused()
    {
        var (challenge, _, licence) = await OpenChallengeAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var other = await fixture.ConfirmedAsync(Roles.Creative);
        var id = await fixture.SendAsync(sender => sender.Send(Entry(challenge, licence)), chloe);
        var version = (await LoadEntryAsync(id)).Version;
        EditEntry.Command Edit(string title) => new(id, version, title, null, [], licence, false, false);

        await fixture.SendAsync(sender => sender.Send(Edit("First window")), chloe);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(async () => await fixture.SendAsync(sender => sender.Send(Edit("Second window")), chloe));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(Edit("Hijacked")), other));
        fixture.Clock.Advance(TimeSpan.FromDays(30));
        var current = (await LoadEntryAsync(id)).Version;
        var late = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(Edit("Late") with { Version = current }), chloe));

        Assert.Equal("entry.closed", late.Code);
        Assert.Equal("First window", (await LoadEntryAsync(id)).Title);
    }

    /// <summary>A stream whose reader sees time pass: the clock moves when the last byte has been read.</summary>
    private sealed class ClockAdvancingStream(byte[] content, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, TimeSpan step)
        : MemoryStream(content, writable: false)
    {
        private bool _advanced;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await base.ReadAsync(buffer, cancellationToken);
            if (read == 0 && !_advanced)
            {
                _advanced = true;
                clock.Advance(step);
            }

            return read;
        }
    }
}
