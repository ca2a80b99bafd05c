using Crowdsource.Application.Administration;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>An admin marks a brand verified (or takes the mark away).</summary>
public static class VerifyBrand
{
    public sealed record Command(BrandId BrandId, bool Verified) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var adminId = currentUser.RequireAdmin();
            var brand = await db.Brands.SingleOrDefaultAsync(candidate => candidate.Id == command.BrandId, cancellationToken)
                ?? throw new NotFoundException();
            var now = clock.GetUtcNow();
            if (command.Verified)
            {
                brand.Verify(now);
            }
            else
            {
                brand.RemoveVerification();
            }

            db.Record(adminId, Audit.Brand, brand.Id.Value, command.Verified ? "brand.verified" : "brand.unverified", brand.Name, now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
