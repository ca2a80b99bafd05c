namespace Crowdsource.Application.Files;

/// <summary>
/// A file a person sent, as use cases see it: the name their computer gave it and a way to read its bytes.
/// The browser's claimed content type is deliberately absent: the type is found from the content.
/// </summary>
/// <param name="FileName">The name as sent: shown cleaned, never used as a path.</param>
/// <param name="Length">The length as declared; the store counts the bytes itself.</param>
/// <param name="OpenReadStream">Opens the content from the start; may be called again if a transaction is retried.</param>
/// <param name="UploadId">The resumable upload it came from, if any: the store deletes it with the same transaction that keeps the file.</param>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> OpenReadStream, Guid? UploadId = null);
