using System.Globalization;
using Crowdsource.Application.Files;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using FluentValidation;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Entries;

/// <summary>Stores an entry's uploads, each checked by the store, with a preview for images; shared by submitting and editing.</summary>
internal static class EntryUploads
{
    public static async Task<IReadOnlyList<(StoredFile File, StoredFile? Preview)>> StoreAsync(
        IFileStore files, IThumbnailMaker thumbnails, IReadOnlyList<UploadedFile> uploads, FileLimits limits, string propertyName, string userId,
        CancellationToken cancellationToken)
    {
        if (uploads.Count > limits.FilesPerEntry)
        {
            throw ValidationException.For(propertyName, string.Format(CultureInfo.CurrentCulture, Messages.TooManyEntryFiles, limits.FilesPerEntry));
        }

        var policy = limits.EntryFile;
        var stored = new List<(StoredFile, StoredFile?)>();
        foreach (var upload in uploads)
        {
            var file = await files.SaveAsync(upload, policy, propertyName, userId, cancellationToken);
            var preview = file.IsImage ? await thumbnails.MakeAsync(upload, userId, cancellationToken) : null;
            stored.Add((file, preview));
        }

        return stored;
    }

    public static void AttachPreviews(this Entry entry, IEnumerable<(StoredFile File, StoredFile? Preview)> stored)
    {
        foreach (var (file, preview) in stored)
        {
            if (preview is not null)
            {
                entry.AttachThumbnail(file.Id, preview.Id);
            }
        }
    }
}

/// <summary>What the creative writes about an entry, in the submit and edit commands.</summary>
public interface IEntryText
{
    string Title { get; }

    string? Description { get; }
}

/// <summary>The shape of an entry's title and description, shared by submitting and editing.</summary>
public abstract class EntryTextValidator<T> : AbstractValidator<T>
    where T : IEntryText
{
    protected EntryTextValidator()
    {
        RuleFor(command => command.Title).Must(title => !string.IsNullOrWhiteSpace(title) && title.Trim().Length <= Entry.TitleMaximumLength)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.EntryTitleRequired, Entry.TitleMaximumLength));
        RuleFor(command => command.Description).MaximumLength(Entry.DescriptionMaximumLength)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.TextTooLong, Entry.DescriptionMaximumLength));
    }
}
