namespace Crowdsource.Application.Files;

/// <summary>What a particular upload may be: which kinds, up to how many bytes, and for pictures how many pixels.</summary>
public sealed record FilePolicy(IReadOnlyList<FileKind> AcceptedKinds, long MaximumBytes, PixelBudget Pixels)
{
    public string AcceptedNames => string.Join(", ", AcceptedKinds.Select(kind => kind.Name));

    /// <summary>For the file input's accept attribute: a hint to the browser's picker, never a check.</summary>
    public string AcceptAttribute => string.Join(',', AcceptedKinds.Select(kind => kind.ContentType));
}
