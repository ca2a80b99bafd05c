using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.EntityFrameworkCore;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Brands;

/// <summary>An Owner edits the brand's public profile.</summary>
public static class UpdateBrand
{
    public sealed record Command(BrandId BrandId, string Name, string Slug, string? Description, string? Website) : IBrandProfile, ICommand;

    public sealed class Validator : BrandProfileValidator<Command>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var brand = await db.OwnedBrandAsync(currentUser, command.BrandId, cancellationToken);
            if (brand.Slug != command.Slug && await db.Brands.AnyAsync(other => other.Slug == command.Slug, cancellationToken))
            {
                throw ValidationException.For(nameof(Command.Slug), Messages.SlugTaken);
            }

            brand.UpdateProfile(command.Name, command.Slug, command.Description ?? string.Empty, BrandRules.ParseWebsite(command.Website));
            db.Record(currentUser.Id, Audit.Brand, brand.Id.Value, "brand.updated", brand.Name, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
