using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Brands;
using Mediator;

namespace Crowdsource.Application.Brands;

/// <summary>An Owner makes a member an Owner or an Editor; the brand keeps at least one Owner.</summary>
public static class ChangeBrandMemberRole
{
    public sealed record Command(BrandId BrandId, string UserId, BrandRole Role) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.LockMembershipAsync(command.BrandId, cancellationToken);
            var brand = await db.OwnedBrandAsync(currentUser, command.BrandId, cancellationToken);
            brand.ChangeRole(command.UserId, command.Role);
            db.Record(currentUser.Id, Audit.Brand, brand.Id.Value, "brand.member-role-changed", $"{command.UserId} → {command.Role}", clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
