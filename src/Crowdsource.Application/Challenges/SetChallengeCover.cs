using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Files;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// A member of the brand gives the challenge a cover image, checked by the file store like every picture (content,
/// size, pixels), with a small copy for the cards. The cover it replaces is deleted.
/// </summary>
public static class SetChallengeCover
{
    public sealed record Command(ChallengeId ChallengeId, UploadedFile? Cover) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Cover).NotNull().WithMessage(_ => Messages.FileRequired);
    }

    internal sealed class Handler(
        ICrowdsourceDb db, ICurrentUser currentUser, IFileStore files, IThumbnailMaker thumbnails, IOptions<FileLimits> limits, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, command.ChallengeId, cancellationToken);
            var stored = await files.SaveAsync(command.Cover!, limits.Value.Cover, nameof(Command.Cover), currentUser.Id, cancellationToken);
            var thumbnail = await thumbnails.MakeAsync(command.Cover!, currentUser.Id, cancellationToken);
            var now = clock.GetUtcNow();
            var replaced = challenge.ReplaceCover(stored.Id, thumbnail?.Id, now);
            db.Record(currentUser.Id, Audit.Challenge, challenge.Id.Value, AuditActions.ChallengeCoverSet, $"{stored.FileName} (SHA-256 {stored.Sha256})", now);
            await db.SaveChangesAsync(cancellationToken);
            if (replaced.Count > 0)
            {
                await db.StoredFiles.Where(file => replaced.Contains(file.Id)).ExecuteDeleteAsync(cancellationToken);
            }

            return Unit.Value;
        }
    }
}
