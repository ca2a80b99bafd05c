using Crowdsource.Application.Accounts;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Files;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Brands;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Brands;

/// <summary>A signed-in person creates a brand and becomes its Owner.</summary>
public static class CreateBrand
{
    // Logo: an optional image (PNG, JPEG, WebP or GIF, checked by content).
    public sealed record Command(string Name, string Slug, string? Description, string? Website, UploadedFile? Logo = null)
        : IBrandProfile, ICommand<BrandId>, ITransactional;

    public sealed class Validator : BrandProfileValidator<Command>;

    internal sealed class Handler(
        ICrowdsourceDb db, ICurrentUser currentUser, UserManager<CrowdsourceUser> users, IFileStore files, IOptions<FileLimits> limits, TimeProvider clock)
        : ICommandHandler<Command, BrandId>
    {
        public async ValueTask<BrandId> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            if (await db.Brands.AnyAsync(brand => brand.Slug == command.Slug, cancellationToken))
            {
                throw ValidationException.For(nameof(Command.Slug), Messages.SlugTaken);
            }

            var now = clock.GetUtcNow();
            var brand = Brand.Create(command.Name, command.Slug, command.Description ?? string.Empty,
                BrandRules.ParseWebsite(command.Website), userId, now);
            if (command.Logo is not null)
            {
                var logo = await files.SaveAsync(command.Logo, limits.Value.Logo, nameof(Command.Logo), userId, cancellationToken);
                brand.ReplaceLogo(logo.Id);
            }

            db.Brands.Add(brand);
            db.Record(userId, Audit.Brand, brand.Id.Value, "brand.created", brand.Name, now);
            await db.SaveChangesAsync(cancellationToken);
            await BrandMembershipRole.SyncAsync(users, db, userId, cancellationToken);
            return brand.Id;
        }
    }
}
