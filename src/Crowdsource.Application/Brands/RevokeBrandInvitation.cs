using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>An Owner withdraws an invitation nobody has accepted yet: its link stops working at once.</summary>
public static class RevokeBrandInvitation
{
    public sealed record Command(BrandId BrandId, Guid InvitationId) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.LockMembershipAsync(command.BrandId, cancellationToken);
            var brand = await db.OwnedBrandAsync(currentUser, command.BrandId, cancellationToken);
            var invitation = await db.BrandInvitations
                .SingleOrDefaultAsync(candidate => candidate.Id == command.InvitationId && candidate.BrandId == brand.Id, cancellationToken)
                ?? throw new NotFoundException();
            if (invitation.AcceptedAt is not null || invitation.RevokedAt is not null)
            {
                return Unit.Value; // Accepted meanwhile (the member list shows them) or already withdrawn: nothing to do.
            }

            var now = clock.GetUtcNow();
            invitation.Revoke(now);
            db.Record(currentUser.Id, Audit.Brand, brand.Id.Value, "brand.invitation-revoked", $"{invitation.Email} as {invitation.Role}", now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
