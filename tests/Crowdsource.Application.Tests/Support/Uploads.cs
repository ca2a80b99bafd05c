using Crowdsource.Application.Files;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Application.Tests.Support;

internal static class Uploads
{
    /// <summary>An upload as a browser would send it; <paramref name="declaredLength"/> lets a test lie about the size.</summary>
    public static UploadedFile Of(string fileName, byte[] content, long? declaredLength = null) =>
        new(fileName, declaredLength ?? content.Length, () => new MemoryStream(content, writable: false));

    /// <summary>The bytes the file store gives back for <paramref name="fileId"/>.</summary>
    public static Task<byte[]> StoredBytesAsync(this ApplicationFixture fixture, Guid fileId) =>
        fixture.InScopeAsync(async provider =>
        {
            using var copy = new MemoryStream();
            await provider.GetRequiredService<IFileStore>().CopyToAsync(fileId, copy, CancellationToken.None);
            return copy.ToArray();
        });
}
