using System.Collections.Concurrent;
using System.Data.Common;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Support;

/// <summary>
/// Counts the SQL statements the site sends while answering each request, by path and query (background jobs, which
/// answer no request, are not counted). A rule about round trips, not a timing.
/// </summary>
public sealed class SqlStatementCounter(IHttpContextAccessor accessor) : DbCommandInterceptor
{
    private readonly ConcurrentDictionary<string, int> _byRequest = new(StringComparer.Ordinal);

    /// <summary>Adds the counter to the site's database context.</summary>
    public static void AddTo(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.AddSingleton<SqlStatementCounter>();
        services.ConfigureDbContext<CrowdsourceDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<SqlStatementCounter>()));
    });

    /// <summary>How many statements the requests to <paramref name="pathAndQuery"/> sent since the last call, then starts again.</summary>
    public int Take(string pathAndQuery) => _byRequest.TryRemove(pathAndQuery, out var count) ? count : 0;

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }

    private void Count()
    {
        if (accessor.HttpContext?.Request is { } request)
        {
            _byRequest.AddOrUpdate(request.Path + request.QueryString, 1, (_, count) => count + 1);
        }
    }
}
