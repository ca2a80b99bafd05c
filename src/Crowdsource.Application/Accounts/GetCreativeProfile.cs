using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// A creative's public profile: display name, bio, picture. Never the e-mail, never entries before results (the
/// portfolio of entries published after results arrives with judging). A deleted account has no profile.
/// </summary>
public static class GetCreativeProfile
{
    public sealed record Query(string UserId) : IQuery<Profile>;

    public sealed record Profile(string UserId, string DisplayName, string? Bio, Guid? AvatarFileId, DateTimeOffset MemberSince);

    internal sealed class Handler(ICrowdsourceDb db) : IQueryHandler<Query, Profile>
    {
        public async ValueTask<Profile> Handle(Query query, CancellationToken cancellationToken) =>
            await db.Users.AsNoTracking().Where(user => user.Id == query.UserId && user.DeletedAt == null)
                .Select(user => new Profile(user.Id, user.DisplayName, user.Bio, user.AvatarFileId, user.CreatedAt))
                .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
    }
}
