using Crowdsource.Application.Accounts;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Infrastructure.Identity;

/// <summary>Ends sessions by deleting their rows (see <see cref="DatabaseTicketStore"/>): the next request is anonymous.</summary>
internal sealed class UserSessions(CrowdsourceDbContext db, IHttpContextAccessor? accessor = null) : IUserSessions
{
    public async Task EndAllAsync(string userId, CancellationToken cancellationToken) =>
        await db.UserSessions.Where(session => session.UserId == userId).ExecuteDeleteAsync(cancellationToken);

    public async Task EndOthersAsync(string userId, CancellationToken cancellationToken)
    {
        var current = accessor?.HttpContext?.User.FindFirst(DatabaseTicketStore.SessionClaimType)?.Value;
        await db.UserSessions.Where(session => session.UserId == userId && session.Id != current).ExecuteDeleteAsync(cancellationToken);
    }
}
