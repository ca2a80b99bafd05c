using Crowdsource.Application.Files;

namespace Crowdsource.Web.Files;

internal static class FormFileExtensions
{
    /// <summary>The upload as use cases take it, or null when no file was chosen. The browser's content type is dropped.</summary>
    public static UploadedFile? ToUpload(this IFormFile? file) =>
        file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            ? null
            : new UploadedFile(file.FileName, file.Length, file.OpenReadStream);
}
