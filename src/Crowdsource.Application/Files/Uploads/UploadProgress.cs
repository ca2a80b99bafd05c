namespace Crowdsource.Application.Files.Uploads;

/// <summary>How much of an upload arrived: the browser sends the rest from <paramref name="Received"/>.</summary>
public sealed record UploadProgress(long Received, long Length);
