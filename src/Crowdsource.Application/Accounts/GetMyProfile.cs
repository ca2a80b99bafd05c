using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>The signed-in person's own account, for the profile page.</summary>
public static class GetMyProfile
{
    public sealed record Query : IQuery<Profile>;

    public sealed record Profile(
        string Email, bool EmailConfirmed, string DisplayName, string? Bio, string PreferredCulture,
        IReadOnlyList<string> Roles, DateTimeOffset MemberSince, string UserId, Guid? AvatarFileId);

    internal sealed class Handler(UserManager<CrowdsourceUser> users, ICurrentUser currentUser) : IQueryHandler<Query, Profile>
    {
        public async ValueTask<Profile> Handle(Query query, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId()) ?? throw new NotFoundException();
            var roles = await users.GetRolesAsync(user);
            return new Profile(user.Email!, user.EmailConfirmed, user.DisplayName, user.Bio, user.PreferredCulture,
                [.. roles.Order(StringComparer.Ordinal)], user.CreatedAt, user.Id, user.AvatarFileId);
        }
    }
}
