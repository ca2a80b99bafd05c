using Crowdsource.Application.Files;
using Crowdsource.Application.Files.Uploads;
using Mediator;

namespace Crowdsource.Web.Files;

internal static class FormFileExtensions
{
    /// <summary>The upload as use cases take it, or null when no file was chosen. The browser's content type is dropped.</summary>
    public static UploadedFile? ToUpload(this IFormFile? file) =>
        file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            ? null
            : new UploadedFile(file.FileName, file.Length, file.OpenReadStream);

    /// <summary>
    /// The files a form sent: those posted with it (without script) followed by those the site's script sent ahead in
    /// chunks and named in <paramref name="uploadIds"/>. A problem with the latter shows on <paramref name="field"/>.
    /// </summary>
    public static async Task<List<UploadedFile>> FilesSentAsync(this ISender sender, IEnumerable<IFormFile?> posted, IReadOnlyList<Guid> uploadIds,
        string field, CancellationToken cancellationToken) =>
        [.. posted.Select(file => file.ToUpload()).OfType<UploadedFile>(),
            .. await sender.Send(new OpenUploads.Query(uploadIds, field), cancellationToken)];
}
