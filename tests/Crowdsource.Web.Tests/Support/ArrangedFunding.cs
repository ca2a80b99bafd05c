using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Infrastructure.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Support;

/// <summary>For tests about something else than money: a challenge's prize pool funded in the database, so a moderator may approve it.</summary>
public static class ArrangedFunding
{
    public static async Task FundAsync(CrowdsourceWebFactory factory, Guid challengeId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var challenge = await db.Challenges.SingleAsync(candidate => candidate.Id == new ChallengeId(challengeId));
        DemoFunding.Fund(db, challenge, challenge.CreatedByUserId, "test-admin", DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
