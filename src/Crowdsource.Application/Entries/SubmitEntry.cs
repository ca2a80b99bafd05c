using Crowdsource.Application.Auditing;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Files;
using Crowdsource.Application.Judging;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Entries;

/// <summary>
/// A creative submits an entry to an open challenge: files streamed to the store, an explicit consent to the licence
/// version the page showed and an originality declaration, recorded for good. The deadline is checked when the
/// upload has finished, the limit per creative holds under concurrent posts, and the same form sent twice makes one entry.
/// </summary>
public static class SubmitEntry
{
    public sealed record Command(
        ChallengeId ChallengeId, Guid SubmissionKey, string Title, string? Description, IReadOnlyList<UploadedFile> Files,
        Guid LicenceVersionId, bool AcceptLicence, bool DeclareOriginal) : IEntryText, ICommand<EntryId>, ITransactional;

    public sealed class Validator : EntryTextValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Files).NotEmpty().WithMessage(_ => Messages.EntryFilesRequired);
            RuleFor(command => command.AcceptLicence).Equal(true).WithMessage(_ => Messages.LicenceConsentRequired);
            RuleFor(command => command.DeclareOriginal).Equal(true).WithMessage(_ => Messages.OriginalityRequired);
        }
    }

    internal sealed class Handler(
        ICrowdsourceDb db, ICurrentUser currentUser, IRequestOrigin origin, IFileStore files, IThumbnailMaker thumbnails, IOptions<FileLimits> limits,
        TimeProvider clock, CrowdsourceMetrics metrics)
        : ICommandHandler<Command, EntryId>
    {
        public async ValueTask<EntryId> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var (challenge, _) = await db.VisibleChallengeAsync(currentUser, command.ChallengeId, cancellationToken);
            (await db.ConflictOfInterestAsync(challenge, userId, cancellationToken)).EnsureMayEnter();

            // One creative, one challenge, one submission at a time: the count below cannot be raced.
            await db.LockUntilCommitAsync(challenge.Id.Value.ToString() + "/" + userId, cancellationToken);
            var repeated = await db.Entries.AsNoTracking().IgnoreAutoIncludes()
                .Where(entry => entry.CreativeUserId == userId && entry.SubmissionKey == command.SubmissionKey)
                .Select(entry => (EntryId?)entry.Id).SingleOrDefaultAsync(cancellationToken);
            if (repeated is { } alreadySubmitted)
            {
                return alreadySubmitted;
            }

            var active = await db.Entries.IgnoreAutoIncludes()
                .CountAsync(entry => entry.ChallengeId == challenge.Id && entry.CreativeUserId == userId && entry.Status != EntryStatus.Withdrawn, cancellationToken);
            var licence = await db.LicenceVersions.AsNoTracking().SingleAsync(version => version.Id == challenge.LicenceVersionId, cancellationToken);
            var maximumFiles = limits.Value.FilesPerEntry;
            var stored = await EntryUploads.StoreAsync(files, thumbnails, command.Files, limits.Value, nameof(Command.Files), userId, cancellationToken);

            // The time of the write is when the last byte has arrived, whatever the page showed when the upload began.
            var now = clock.GetUtcNow();
            var entry = Entry.Submit(challenge, userId, new EntryText(command.Title, command.Description), [.. stored.Select(pair => pair.File)], maximumFiles,
                new LicenceConsent(licence, command.LicenceVersionId, command.AcceptLicence, command.DeclareOriginal, origin.IpAddress, origin.UserAgent),
                active, command.SubmissionKey, now);
            entry.AttachPreviews(stored);
            db.Entries.Add(entry);
            db.Record(userId, Audit.Entry, entry.Id.Value, "entry.submitted",
                $"licence {licence.TemplateKey} v{licence.Version} (SHA-256 {licence.TextSha256}); files {string.Join(", ", entry.Files.Select(file => file.Sha256))}", now);
            await db.SaveChangesAsync(cancellationToken);
            metrics.EntrySubmitted();
            return entry.Id;
        }
    }
}
