using Crowdsource.Application;
using Crowdsource.Application.Files;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Crowdsource.Infrastructure;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Persistence.Seed;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Crowdsource.Benchmarks;

/// <summary>
/// The rows the bulk load copies, made by the real code: the site's migrations, accounts through Identity, the demo
/// brand's challenges at every stage (published, entered, judged and paid through the domain's rules), and a judge
/// with a scorecard on the challenge in judging.
/// </summary>
public static class TemplateData
{
    public static async Task CreateAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Crowdsource"] = connectionString })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole())
            .AddApplication()
            .AddInfrastructure();
        await using var provider = services.BuildServiceProvider();

        await DatabaseMigrator.MigrateAsync(provider, cancellationToken);
        await using var scope = provider.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        foreach (var account in BenchmarkAccounts.All)
        {
            await sender.Send(account, cancellationToken);
        }

        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var thumbnails = scope.ServiceProvider.GetRequiredService<IThumbnailMaker>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var people = new DemoResults.People(BenchmarkAccounts.Brand.Email, BenchmarkAccounts.Creative.Email, BenchmarkAccounts.Crowd.Email,
            BenchmarkAccounts.Moderator.Email, BenchmarkAccounts.Admin.Email);
        await DemoBrand.SeedAsync(db, files, people, clock, cancellationToken);
        await DemoResults.SeedAsync(db, files, thumbnails, people, clock, cancellationToken);
        await DemoJudging.SeedAsync(db, files, thumbnails, people, clock, cancellationToken);
        await JudgeAsync(db, clock.GetUtcNow(), cancellationToken);
    }

    /// <summary>The moderator joins the panel of the challenge in judging and scores its approved entries.</summary>
    private static async Task JudgeAsync(CrowdsourceDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var moderator = await db.Users.Where(user => user.Email == BenchmarkAccounts.Moderator.Email).Select(user => user.Id).SingleAsync(cancellationToken);
        var admin = await db.Users.Where(user => user.Email == BenchmarkAccounts.Admin.Email).Select(user => user.Id).SingleAsync(cancellationToken);
        var challenge = await db.Challenges.SingleAsync(candidate => candidate.Title == DemoJudging.Title, cancellationToken);
        if (await db.ChallengeJudges.AnyAsync(judge => judge.ChallengeId == challenge.Id, cancellationToken))
        {
            return;
        }

        db.ChallengeJudges.Add(ChallengeJudge.Assign(challenge, moderator, ConflictOfInterest.None, admin, now));
        var approved = await db.Entries.Where(entry => entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Approved)
            .ToListAsync(cancellationToken);
        foreach (var (entry, index) in approved.Select((entry, index) => (entry, index)))
        {
            var scores = challenge.Criteria.Select(criterion => new CriterionScore(criterion.Name, 6 + index, "Clear and memorable.")).ToList();
            db.Scorecards.Add(Scorecard.Record(challenge, entry, moderator, scores, "A strong entry.", now));
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
