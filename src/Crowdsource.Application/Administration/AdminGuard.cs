using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Accounts;

namespace Crowdsource.Application.Administration;

internal static class AdminGuard
{
    /// <summary>The page folder is already limited to admins; the use case checks again, as every handler does.</summary>
    public static string RequireAdmin(this ICurrentUser user)
    {
        var id = user.RequireId();
        return user.IsInRole(Roles.Admin) ? id : throw new ForbiddenException();
    }
}
