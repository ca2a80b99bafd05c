using Crowdsource.Application.Accounts;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>
/// An Owner removes a member, or a member leaves (removes themselves). The last Owner stays. The invitations the member
/// sent that nobody accepted yet are withdrawn with them: a removed Owner leaves no way back into the brand.
/// </summary>
public static class RemoveBrandMember
{
    public sealed record Command(BrandId BrandId, string UserId) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, UserManager<CrowdsourceUser> users, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var actorId = currentUser.RequireId();
            await db.LockMembershipAsync(command.BrandId, cancellationToken);
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
            var now = clock.GetUtcNow();
            var action = command.UserId == actorId ? "brand.member-left" : "brand.member-removed";
            db.Record(actorId, Audit.Brand, brand.Id.Value, action, command.UserId, now);
            var sent = await db.BrandInvitations
                .Where(invitation => invitation.BrandId == brand.Id && invitation.InvitedByUserId == command.UserId
                    && invitation.AcceptedAt == null && invitation.RevokedAt == null)
                .ToListAsync(cancellationToken);
            foreach (var invitation in sent)
            {
                invitation.Revoke(now);
                db.Record(actorId, Audit.Brand, brand.Id.Value, "brand.invitation-revoked", $"{invitation.Email} as {invitation.Role}, sent by {command.UserId}", now);
            }

            await db.SaveChangesAsync(cancellationToken);
            await BrandMembershipRole.SyncAsync(users, db, command.UserId, cancellationToken);
            return Unit.Value;
        }
    }
}
