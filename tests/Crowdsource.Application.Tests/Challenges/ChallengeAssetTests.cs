using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Common;
using Crowdsource.Infrastructure.Files;
using Crowdsource.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Challenges;

public sealed class ChallengeAssetTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_brand_member_attaches_a_file_stored_in_chunks_with_its_type_from_content_and_its_hash()
    {
        var (id, _, owner) = await fixture.CompleteDraftAsync();
        var photo = TestFiles.Png(width: 200, height: 200); // ~120 KB: fits one chunk
        var poster = TestFiles.Png(width: 400, height: 400, seed: 2); // ~480 KB: crosses chunk boundaries
        Assert.True(poster.Length > PostgresFileStore.ChunkSize);

        await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, Uploads.Of("product.png", photo))), owner);
        var posterId = await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, Uploads.Of("poster", poster))), owner);

        var challenge = await fixture.LoadAsync(id);
        var asset = Assert.Single(challenge.Assets, candidate => candidate.Id == posterId);
        Assert.Equal(("poster.png", "image/png", (long)poster.Length), (asset.FileName, asset.ContentType, asset.Length));
        var stored = await fixture.DbAsync(db => db.StoredFiles.SingleAsync(file => file.Id == asset.FileId));
        Assert.Equal(TestFiles.Sha256(poster), stored.Sha256);
        Assert.Equal(poster, await fixture.StoredBytesAsync(asset.FileId));
        Assert.Equal(2, challenge.Assets.Count);
    }

    [Fact]
    public async Task A_file_whose_name_lies_about_its_content_is_refused_on_its_field_and_nothing_is_kept()
    {
        var (id, _, owner) = await fixture.CompleteDraftAsync();
        var filesBefore = await fixture.DbAsync(db => db.StoredFiles.CountAsync());

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, Uploads.Of("logo.png", TestFiles.HtmlWithScript()))), owner));

        Assert.Contains("logo.png", Assert.Single(error.Errors["File"]), StringComparison.Ordinal);
        Assert.Empty((await fixture.LoadAsync(id)).Assets);
        Assert.Equal(filesBefore, await fixture.DbAsync(db => db.StoredFiles.CountAsync()));
        Assert.Equal(0, await fixture.DbAsync(db => db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "StoredFileChunks" c WHERE NOT EXISTS (SELECT 1 FROM "StoredFiles" f WHERE f."Id" = c."FileId")""").SingleAsync()));
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_is_refused_even_when_its_declared_size_lies()
    {
        await using var services = fixture.BuildServices(collection =>
            collection.Configure<FileLimits>(limits => limits.BrandAssetMaximumBytes = 300 * 1024));
        var (id, _, owner) = await fixture.CompleteDraftAsync();
        var tooLarge = TestFiles.Png(width: 400, height: 400); // ~480 KB

        async Task Send(UploadedFile file)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TestCurrentUser>().ActAs(owner);
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AddChallengeAsset.Command(id, file));
        }

        var declared = await Assert.ThrowsAsync<ValidationException>(() => Send(Uploads.Of("big.png", tooLarge)));
        var lying = await Assert.ThrowsAsync<ValidationException>(() => Send(Uploads.Of("big.png", tooLarge, declaredLength: 1000)));

        Assert.Contains("300 KB", Assert.Single(declared.Errors["File"]), StringComparison.Ordinal);
        Assert.Equal(declared.Errors["File"], lying.Errors["File"]);
        Assert.Empty((await fixture.LoadAsync(id)).Assets);
    }

    [Fact]
    public async Task An_empty_file_or_no_file_gets_a_clear_message()
    {
        var (id, _, owner) = await fixture.CompleteDraftAsync();

        var empty = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, Uploads.Of("blank.pdf", []))), owner));
        var none = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, null)), owner));

        Assert.Contains("blank.pdf", Assert.Single(empty.Errors["File"]), StringComparison.Ordinal);
        Assert.Single(none.Errors["File"]);
    }

    [Fact]
    public async Task A_challenge_holds_a_limited_number_of_files()
    {
        await using var services = fixture.BuildServices(collection => collection.Configure<FileLimits>(limits => limits.BrandAssetsPerChallenge = 2));
        var (id, _, owner) = await fixture.CompleteDraftAsync();

        async Task Add(string name)
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TestCurrentUser>().ActAs(owner);
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AddChallengeAsset.Command(id, Uploads.Of(name, TestFiles.Pdf(name))));
        }

        await Add("one.pdf");
        await Add("two.pdf");
        var error = await Assert.ThrowsAsync<DomainRuleException>(() => Add("three.pdf"));

        Assert.Equal("challenge.too-many-assets", error.Code);
        Assert.Equal(["one.pdf", "two.pdf"], (await fixture.LoadAsync(id)).Assets.Select(asset => asset.FileName));
    }

    [Fact]
    public async Task Removing_a_file_deletes_its_contents_and_a_second_removal_changes_nothing()
    {
        var (id, _, owner) = await fixture.CompleteDraftAsync();
        var assetId = await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, Uploads.Of("guide.pdf", TestFiles.Pdf()))), owner);
        var fileId = (await fixture.LoadAsync(id)).Assets.Single().FileId;

        await fixture.SendAsync(sender => sender.Send(new RemoveChallengeAsset.Command(id, assetId)), owner);
        await fixture.SendAsync(sender => sender.Send(new RemoveChallengeAsset.Command(id, assetId)), owner);

        Assert.Empty((await fixture.LoadAsync(id)).Assets);
        Assert.False(await fixture.DbAsync(db => db.StoredFiles.AnyAsync(file => file.Id == fileId)));
        Assert.Empty(await fixture.StoredBytesAsync(fileId));
        var trail = await fixture.DbAsync(db => db.AuditEvents.Where(entry => entry.SubjectId == id.Value).Select(entry => entry.Action).ToListAsync());
        Assert.Contains("challenge.asset-added", trail);
        Assert.Contains("challenge.asset-removed", trail);
    }

    [Fact]
    public async Task Nobody_outside_the_brand_can_add_remove_or_download_a_draft_s_files()
    {
        var (id, _, owner) = await fixture.CompleteDraftAsync();
        var assetId = await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, Uploads.Of("secret.pdf", TestFiles.Pdf()))), owner);
        var stranger = await fixture.ConfirmedAsync();

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, Uploads.Of("x.pdf", TestFiles.Pdf()))), stranger));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RemoveChallengeAsset.Command(id, assetId)), stranger));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetChallengeAsset.Query(id, assetId)), stranger));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetChallengeAsset.Query(id, assetId))));

        var download = await fixture.SendAsync(sender => sender.Send(new GetChallengeAsset.Query(id, assetId)), owner);
        Assert.Equal(("secret.pdf", "application/pdf"), (download.FileName, download.ContentType));
        Assert.Single((await fixture.LoadAsync(id)).Assets);
    }

    [Fact]
    public async Task Once_published_everyone_may_download_the_files_and_they_lock_when_judging_starts()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var (id, _, owner) = await fixture.PublishedAsync(moderator, opensAt: fixture.Clock.GetUtcNow().AddHours(1));
        var assetId = await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, Uploads.Of("guide.pdf", TestFiles.Pdf()))), owner);

        var anonymous = await fixture.SendAsync(sender => sender.Send(new GetChallengeAsset.Query(id, assetId)));
        Assert.Equal("guide.pdf", anonymous.FileName);

        fixture.Clock.Advance(TimeSpan.FromDays(22));
        await fixture.SendAsync(sender => sender.Send(new AdvanceChallengesWithTime.Command()));
        var locked = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AddChallengeAsset.Command(id, Uploads.Of("late.pdf", TestFiles.Pdf()))), owner));
        Assert.Equal("challenge.wrong-status", locked.Code);
    }
}
