using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Files;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Entries;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Entries;

/// <summary>
/// The author changes an entry before the deadline: title, description and, optionally, all its files (the new
/// hashes are recorded against the licence acceptance). If the challenge's licence is no longer the one accepted,
/// the creative must accept the current version again.
/// </summary>
public static class EditEntry
{
    // Files: new files replacing all the current ones, or empty to keep them.
    public sealed record Command(
        EntryId EntryId, uint Version, string Title, string? Description, IReadOnlyList<UploadedFile> Files,
        Guid LicenceVersionId, bool AcceptLicence, bool DeclareOriginal) : IEntryText, ICommand, ITransactional;

    public sealed class Validator : EntryTextValidator<Command>;

    internal sealed class Handler(
        ICrowdsourceDb db, ICurrentUser currentUser, IRequestOrigin origin, IFileStore files, IThumbnailMaker thumbnails, IOptions<FileLimits> limits,
        TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var (entry, challenge) = await db.MyEntryAsync(currentUser, command.EntryId, cancellationToken);
            db.Entries.Entry(entry).Property(candidate => candidate.Version).OriginalValue = command.Version;
            var maximumFiles = limits.Value.FilesPerEntry;
            var licenceChanged = challenge.LicenceVersionId != entry.CurrentAcceptance.LicenceVersionId;
            if (licenceChanged && (!command.AcceptLicence || !command.DeclareOriginal))
            {
                throw new ValidationException([
                    .. command.AcceptLicence ? [] : new[] { new FluentValidation.Results.ValidationFailure(nameof(Command.AcceptLicence), Messages.LicenceConsentRequired) },
                    .. command.DeclareOriginal ? [] : new[] { new FluentValidation.Results.ValidationFailure(nameof(Command.DeclareOriginal), Messages.OriginalityRequired) },
                ]);
            }

            var stored = await EntryUploads.StoreAsync(files, thumbnails, command.Files, limits.Value, nameof(Command.Files), entry.CreativeUserId,
                cancellationToken);

            var licence = await db.LicenceVersions.AsNoTracking().SingleAsync(version => version.Id == challenge.LicenceVersionId, cancellationToken);
            var now = clock.GetUtcNow(); // after the upload, like a submission
            var consent = licenceChanged
                ? new LicenceConsent(licence, command.LicenceVersionId, command.AcceptLicence, command.DeclareOriginal, origin.IpAddress, origin.UserAgent)
                : null;
            var replaced = entry.Edit(challenge, new EntryText(command.Title, command.Description),
                stored.Count > 0 ? [.. stored.Select(pair => pair.File)] : null, maximumFiles, consent, now);
            entry.AttachPreviews(stored);
            db.Record(currentUser.Id, Audit.Entry, entry.Id.Value, "entry.edited",
                stored.Count > 0 ? $"files {string.Join(", ", entry.Files.Select(file => file.Sha256))}" : "text", now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException conflict)
            {
                throw new ConcurrencyConflictException(Messages.EntryChangedMeanwhile, conflict);
            }

            if (replaced.Count > 0)
            {
                await db.StoredFiles.Where(file => replaced.Contains(file.Id)).ExecuteDeleteAsync(cancellationToken);
            }

            return Unit.Value;
        }
    }
}
