namespace Crowdsource.Web.Hosting;

/// <summary>
/// A page that needs data loaded again before it is shown with errors (what its GET handler loads), because the
/// exception filter redisplays the page after a validation or rule failure.
/// </summary>
public interface IRedisplayable
{
    Task PrepareRedisplayAsync(CancellationToken cancellationToken);
}
