using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Administration;

/// <summary>Accounts for the admin page: searched by e-mail or name, newest first, a page at a time.</summary>
public static class ListAccounts
{
    public const int PageSize = 25;

    public sealed record Query(string? Search, int Page = 1) : IQuery<Result>;

    public sealed record Result(IReadOnlyList<Account> Accounts, int Page, int PageCount, int Total);

    public sealed record Account(string Id, string Email, string DisplayName, bool EmailConfirmed,
        DateTimeOffset CreatedAt, bool LockedOut, IReadOnlyList<string> Roles);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            var users = db.Users.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var search = query.Search.Trim().ToUpperInvariant();
                // Translated to SQL upper() and strpos(): the .NET culture and comparison overloads do not apply.
#pragma warning disable CA1304, CA1311, CA1862
                users = users.Where(user => user.NormalizedEmail!.Contains(search) || user.DisplayName.ToUpper().Contains(search));
#pragma warning restore CA1304, CA1311, CA1862
            }

            var total = await users.CountAsync(cancellationToken);
            var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
            var page = Math.Clamp(query.Page, 1, pageCount);
            var now = clock.GetUtcNow();

            var rows = await users
                .OrderByDescending(user => user.CreatedAt).ThenBy(user => user.Id)
                .Skip((page - 1) * PageSize).Take(PageSize)
                .Select(user => new
                {
                    user.Id,
                    user.Email,
                    user.DisplayName,
                    user.EmailConfirmed,
                    user.CreatedAt,
                    user.LockoutEnd,
                    Roles = db.UserRoles.Where(link => link.UserId == user.Id)
                        .Join(db.Roles, link => link.RoleId, role => role.Id, (_, role) => role.Name!)
                        .OrderBy(name => name).ToList(),
                })
                .ToListAsync(cancellationToken);

            var accounts = rows.Select(row => new Account(row.Id, row.Email!, row.DisplayName, row.EmailConfirmed,
                row.CreatedAt, row.LockoutEnd > now, row.Roles)).ToList();
            return new Result(accounts, page, pageCount, total);
        }
    }
}
