using Crowdsource.Application.Files;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Crowdsource.Infrastructure.Persistence.Seed;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// A public challenge of a new brand, published at <c>start</c> and advanced to the present as the domain allows (open,
/// or in judging once its deadline has passed), optionally with a brand logo and a cover image stored like uploads.
/// </summary>
public static class ListedChallenges
{
    public static async Task<Guid> CreateAsync(IServiceProvider services, TestAccount owner, string title, DateTimeOffset start, TimeSpan deadlineAfter,
        bool pictures = false)
    {
        ArgumentNullException.ThrowIfNull(owner);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var thumbnails = scope.ServiceProvider.GetRequiredService<IThumbnailMaker>();
        var ownerId = await db.Users.Where(user => user.Email == owner.Email).Select(user => user.Id).SingleAsync();
        var licence = await db.LicenceVersions.Select(version => version.Id).FirstAsync();
        var limits = new FileLimits();
        // The file store writes inside a transaction, run as the retrying execution strategy wants.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var brand = Brand.Create("Airship Lab", $"v-{Guid.NewGuid():N}"[..20], string.Empty, null, ownerId, start);
            var challenge = Challenge.CreateDraft(brand.Id, title, ownerId, start);
            challenge.Describe(title, "A mural of an airship over the harbour.", "Paint it **big**.", ChallengeCategory.Illustration, [], start);
            challenge.SetPrizeTiers([PrizeTier.Create(1, 2500m, "EUR")], start);
            challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 100)], hasEntries: false, start);
            challenge.ChooseLicence(licence, start);
            challenge.SetAudience(ChallengeVisibility.Public, [], 2, start);
            challenge.SetSchedule(start.AddMinutes(-1), start + deadlineAfter, start + deadlineAfter + TimeSpan.FromDays(30), start.AddMinutes(-2));
            challenge.SubmitForReview(start);
            DemoFunding.Fund(db, challenge, ownerId, "test-admin", start);
            challenge.Approve(start);
            challenge.AdvanceWithTime(DateTimeOffset.UtcNow);
            if (pictures)
            {
                var logo = await files.SaveAsync(Upload("logo.png", TestFiles.Png(96, 96, seed: 5)), limits.Logo, "Logo", ownerId, CancellationToken.None);
                brand.ReplaceLogo(logo.Id);
                var cover = Upload("cover.png", TestFiles.Png(1200, 675, seed: 6));
                var stored = await files.SaveAsync(cover, limits.Cover, "Cover", ownerId, CancellationToken.None);
                var small = await thumbnails.MakeAsync(cover, ownerId, CancellationToken.None);
                challenge.ReplaceCover(stored.Id, small?.Id, start);
            }

            db.AddRange(brand, challenge);
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            return challenge.Id.Value;
        });
    }

    private static UploadedFile Upload(string name, byte[] bytes) => new(name, bytes.Length, () => new MemoryStream(bytes, writable: false));
}
