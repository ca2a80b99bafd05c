using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Files;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Challenges;

/// <summary>A member of the brand attaches a file for creatives (image or PDF) to the brief.</summary>
public static class AddChallengeAsset
{
    public sealed record Command(ChallengeId ChallengeId, UploadedFile? File) : ICommand<Guid>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.File).NotNull().WithMessage(_ => Messages.FileRequired);
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, IFileStore files, IOptions<FileLimits> limits, TimeProvider clock)
        : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, command.ChallengeId, cancellationToken);
            var stored = await files.SaveAsync(command.File!, limits.Value.BrandAsset, nameof(Command.File), currentUser.Id, cancellationToken);
            var now = clock.GetUtcNow();
            var asset = challenge.AddAsset(stored, limits.Value.BrandAssetsPerChallenge, now);
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, "challenge.asset-added", $"{asset.FileName} (SHA-256 {stored.Sha256})", now);
            await db.SaveChangesAsync(cancellationToken);
            return asset.Id;
        }
    }
}
