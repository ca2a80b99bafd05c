using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Accounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Administration;

/// <summary>The moderation team (moderators and admins), for the moderation desk.</summary>
public static class ListStaff
{
    public sealed record Query : IQuery<IReadOnlyList<Member>>;

    public sealed record Member(string DisplayName, string Email, IReadOnlyList<string> Roles);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Member>>
    {
        private static readonly string[] StaffRoles = [Roles.Moderator, Roles.Admin];

        public async ValueTask<IReadOnlyList<Member>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!StaffRoles.Any(currentUser.IsInRole))
            {
                throw new ForbiddenException();
            }

            var links = await db.UserRoles.AsNoTracking()
                .Join(db.Roles, link => link.RoleId, role => role.Id, (link, role) => new { link.UserId, Role = role.Name! })
                .Where(link => StaffRoles.Contains(link.Role))
                .Join(db.Users, link => link.UserId, user => user.Id, (link, user) => new { user.DisplayName, Email = user.Email!, link.Role })
                .ToListAsync(cancellationToken);

            return [.. links
                .GroupBy(link => (link.DisplayName, link.Email))
                .Select(group => new Member(group.Key.DisplayName, group.Key.Email, [.. group.Select(link => link.Role).Order(StringComparer.Ordinal)]))
                .OrderBy(member => member.DisplayName, StringComparer.CurrentCulture)];
        }
    }
}
