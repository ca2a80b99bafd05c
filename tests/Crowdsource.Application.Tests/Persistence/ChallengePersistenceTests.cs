using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Auditing;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Licensing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Crowdsource.Application.Tests.Persistence;

public sealed class ChallengePersistenceTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<Challenge> SavedChallengeAsync()
    {
        var owner = await fixture.ConfirmedAsync();
        var now = fixture.Clock.GetUtcNow();
        var brand = Brand.Create("Choco Lab", $"choco-{Guid.NewGuid():N}"[..20], "Chocolate.", null, owner.UserId, now);
        var licence = await fixture.DbAsync(db => db.LicenceVersions.FirstAsync());
        var challenge = Challenge.CreateDraft(brand.Id, "Reinvent the wrapper", owner.UserId, now);
        challenge.Describe("Reinvent the wrapper", "A new wrapper.", "Make it **recyclable**.", ChallengeCategory.Packaging, ["Packaging", "eco"], now);
        challenge.SetPrizeTiers([PrizeTier.Create(1, 5000m, "EUR"), PrizeTier.Create(2, 1250.50m, "EUR")], now);
        challenge.SetCriteria([JudgingCriterion.Create("Originality", "New?", 60), JudgingCriterion.Create("Feasibility", "", 40)], false, now);
        challenge.ChooseLicence(licence.Id, now);
        challenge.SetSchedule(now.AddDays(1), now.AddDays(20), now.AddDays(30), now);
        await fixture.DbAsync(async db =>
        {
            db.Brands.Add(brand);
            db.Challenges.Add(challenge);
            return await db.SaveChangesAsync();
        });
        return challenge;
    }

    [Fact]
    public async Task A_challenge_comes_back_with_its_prizes_criteria_and_tags()
    {
        var saved = await SavedChallengeAsync();

        var loaded = await fixture.DbAsync(db => db.Challenges.AsNoTracking().SingleAsync(challenge => challenge.Id == saved.Id));

        Assert.Equal([new PrizeTier(1, 5000m, "EUR"), new PrizeTier(2, 1250.50m, "EUR")], loaded.PrizeTiers);
        Assert.Equal(["Originality", "Feasibility"], loaded.Criteria.Select(criterion => criterion.Name));
        Assert.Equal([60, 40], loaded.Criteria.Select(criterion => criterion.Weight));
        Assert.Equal(["packaging", "eco"], loaded.Tags);
        Assert.Equal(saved.SubmissionDeadline, loaded.SubmissionDeadline);
        Assert.Empty(loaded.PublishChecks(fixture.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task A_second_editor_working_from_an_old_copy_cannot_overwrite_the_first()
    {
        var saved = await SavedChallengeAsync();
        await using var first = fixture.Services.CreateAsyncScopeWithDb(out var firstDb);
        await using var second = fixture.Services.CreateAsyncScopeWithDb(out var secondDb);
        var firstCopy = await firstDb.Challenges.SingleAsync(challenge => challenge.Id == saved.Id);
        var secondCopy = await secondDb.Challenges.SingleAsync(challenge => challenge.Id == saved.Id);

        firstCopy.Describe("First title", firstCopy.Summary, firstCopy.Brief, firstCopy.Category, firstCopy.Tags, fixture.Clock.GetUtcNow());
        await firstDb.SaveChangesAsync();
        secondCopy.Describe("Second title", secondCopy.Summary, secondCopy.Brief, secondCopy.Category, secondCopy.Tags, fixture.Clock.GetUtcNow());

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => secondDb.SaveChangesAsync());
        var stored = await fixture.DbAsync(db => db.Challenges.AsNoTracking().SingleAsync(challenge => challenge.Id == saved.Id));
        Assert.Equal("First title", stored.Title);
    }

    [Fact]
    public async Task The_three_licence_templates_ship_with_hashes_of_their_exact_texts()
    {
        var versions = await fixture.DbAsync(db => db.LicenceVersions.AsNoTracking().OrderBy(version => version.TemplateKey).ToListAsync());

        Assert.Equal(["creative-keeps-rights", "exclusive-assignment-on-award", "non-exclusive-licence-on-award"], versions.Select(version => version.TemplateKey));
        Assert.All(versions, version =>
        {
            Assert.Equal(LicenceVersion.HashOf(version.FullTextEn, version.FullTextFr), version.TextSha256);
            Assert.Equal(LicenceAppliesTo.WinningEntriesOnly, version.AppliesTo);
            Assert.False(string.IsNullOrWhiteSpace(version.SummaryFr));
            Assert.False(string.IsNullOrWhiteSpace(version.SummaryEn));
        });
    }

    [Fact]
    public async Task The_audit_trail_refuses_any_change_or_deletion()
    {
        var audit = AuditEvent.Record("someone", "Challenge", Guid.NewGuid(), "challenge.approved", "InReview → Open", fixture.Clock.GetUtcNow());
        await fixture.DbAsync(async db =>
        {
            db.AuditEvents.Add(audit);
            return await db.SaveChangesAsync();
        });

        var update = await Assert.ThrowsAsync<PostgresException>(() => fixture.DbAsync(db =>
            db.AuditEvents.Where(row => row.Id == audit.Id).ExecuteUpdateAsync(set => set.SetProperty(row => row.Details, "rewritten"))));
        var delete = await Assert.ThrowsAsync<PostgresException>(() => fixture.DbAsync(db =>
            db.AuditEvents.Where(row => row.Id == audit.Id).ExecuteDeleteAsync()));

        Assert.Contains("append-only", update.MessageText, StringComparison.Ordinal);
        Assert.Contains("append-only", delete.MessageText, StringComparison.Ordinal);
        Assert.Equal("InReview → Open", (await fixture.DbAsync(db => db.AuditEvents.AsNoTracking().SingleAsync(row => row.Id == audit.Id))).Details);
    }
}
