using Crowdsource.Application.Accounts;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Brands;

/// <summary>An Owner removes a member, or a member leaves (removes themselves). The last Owner stays.</summary>
public static class RemoveBrandMember
{
    public sealed record Command(BrandId BrandId, string UserId) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, UserManager<CrowdsourceUser> users, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var actorId = currentUser.RequireId();
            var brand = await db.MemberBrandAsync(currentUser, command.BrandId, cancellationToken);
            if (command.UserId != actorId && !brand.IsOwner(actorId))
            {
                throw new ForbiddenException();
            }

            if (!brand.IsMember(command.UserId))
            {
                return Unit.Value; // Already gone: a second click changes nothing.
            }

            brand.RemoveMember(command.UserId);
            var action = command.UserId == actorId ? "brand.member-left" : "brand.member-removed";
            db.Record(actorId, Audit.Brand, brand.Id.Value, action, command.UserId, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await BrandMembershipRole.SyncAsync(users, db, command.UserId, cancellationToken);
            return Unit.Value;
        }
    }
}
