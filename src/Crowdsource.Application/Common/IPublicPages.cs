namespace Crowdsource.Application.Common;

/// <summary>
/// What anonymous visitors see (lists, challenge and results pages, galleries, brand and creative pages), which the web
/// host may keep for a moment. Told after every command that changed data, so a change shows at once on this instance.
/// </summary>
public interface IPublicPages
{
    ValueTask ChangedAsync(CancellationToken cancellationToken);
}

/// <summary>For hosts that keep no public pages (tests of the application, command-line tasks).</summary>
internal sealed class NoPublicPages : IPublicPages
{
    public ValueTask ChangedAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
