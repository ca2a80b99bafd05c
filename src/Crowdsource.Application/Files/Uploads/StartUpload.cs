using System.Globalization;
using Crowdsource.Application.Common;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Files;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Files.Uploads;

/// <summary>
/// A signed-in person announces a file to send in chunks (name and size). The size is checked against the largest
/// file any form takes; the kind and the form's own limit are checked when the form uses the file.
/// </summary>
public static class StartUpload
{
    public sealed record Command(string FileName, long Length) : ICommand<Result>;

    public sealed record Result(Guid Id, int ChunkBytes);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(IOptions<FileLimits> limits)
        {
            RuleFor(command => command.FileName).NotEmpty().WithMessage(_ => Messages.FileRequired);
            // Forms refuse control characters when they bind; this one comes as JSON (and PostgreSQL refuses NUL).
            RuleFor(command => command.FileName).Must(name => !name.Any(char.IsControl)).WithMessage(_ => Messages.FileNameControlCharacters);
            RuleFor(command => command.Length).GreaterThan(0)
                .WithMessage(command => string.Format(CultureInfo.CurrentCulture, Messages.FileEmpty, Path.GetFileName(command.FileName)));
            RuleFor(command => command.Length).LessThanOrEqualTo(limits.Value.LargestFileBytes)
                .WithMessage(command => string.Format(CultureInfo.CurrentCulture, Messages.FileTooLarge, Path.GetFileName(command.FileName),
                    FileSizes.Describe(limits.Value.LargestFileBytes)));
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, IOptions<FileLimits> limits, TimeProvider clock)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var now = clock.GetUtcNow();
            var recentCutoff = now - limits.Value.AbandonedUploadsAfter;
            var open = await db.Uploads.CountAsync(upload => upload.UserId == userId && upload.LastReceivedAt > recentCutoff, cancellationToken);
            if (open >= limits.Value.OpenUploadsPerUser)
            {
                throw ValidationException.For(nameof(Command.FileName), Messages.TooManyOpenUploads);
            }

            var upload = Upload.Start(userId, command.FileName, command.Length, now);
            db.Uploads.Add(upload);
            await db.SaveChangesAsync(cancellationToken);
            return new Result(upload.Id, Upload.ChunkBytes);
        }
    }
}
