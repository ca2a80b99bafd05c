using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Files;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Brands;

/// <summary>An Owner edits the brand's public profile, its logo included.</summary>
public static class UpdateBrand
{
    // Logo: a new image, or null to keep the current one unless RemoveLogo is set.
    public sealed record Command(BrandId BrandId, string Name, string Slug, string? Description, string? Website,
        UploadedFile? Logo = null, bool RemoveLogo = false) : IBrandProfile, ICommand, ITransactional;

    public sealed class Validator : BrandProfileValidator<Command>;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, IFileStore files, IOptions<FileLimits> limits, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var brand = await db.OwnedBrandAsync(currentUser, command.BrandId, cancellationToken);
            if (brand.Slug != command.Slug && await db.Brands.AnyAsync(other => other.Slug == command.Slug, cancellationToken))
            {
                throw ValidationException.For(nameof(Command.Slug), Messages.SlugTaken);
            }

            brand.UpdateProfile(command.Name, command.Slug, command.Description ?? string.Empty, BrandRules.ParseWebsite(command.Website));
            var previousLogo = brand.LogoFileId;
            if (command.Logo is not null)
            {
                var logo = await files.SaveAsync(command.Logo, limits.Value.Logo, nameof(Command.Logo), currentUser.Id, cancellationToken);
                brand.ReplaceLogo(logo.Id);
            }
            else if (command.RemoveLogo)
            {
                brand.ReplaceLogo(null);
            }

            db.Record(currentUser.Id, Audit.Brand, brand.Id.Value, "brand.updated", brand.Name, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            if (previousLogo is { } replaced && replaced != brand.LogoFileId)
            {
                await db.StoredFiles.Where(file => file.Id == replaced).ExecuteDeleteAsync(cancellationToken);
            }
            return Unit.Value;
        }
    }
}
