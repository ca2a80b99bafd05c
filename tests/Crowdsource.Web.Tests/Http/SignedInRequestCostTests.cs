using System.Data.Common;
using System.Net;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// What a signed-in page costs the database (issue 11): the session lookup, the bell and the page together stay within
/// 4 SQL statements, and the security stamp, once checked, is not checked again on every request. Statements are
/// counted, never timed.
/// </summary>
public sealed class SignedInRequestCostTests : IAsyncLifetime
{
    private const int MostStatements = 4;

    private readonly CrowdsourceWebFactory _site = new();
    private readonly StatementCounter _statements = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_site).InitializeAsync();
        _site.ConfigureSite = builder => builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(_clock);
            services.AddSingleton(_statements);
            services.ConfigureDbContext<CrowdsourceDbContext>((provider, options) => options.AddInterceptors(
                new CountingInterceptor(_statements, provider.GetRequiredService<IHttpContextAccessor>())));
        });
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_site).DisposeAsync();

    private async Task<HttpClient> SignedInAsync(TestAccount? account = null)
    {
        account ??= await _site.AccountAsync();
        var client = _site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    private async Task<int> StatementsForAsync(HttpClient client, string path, string? mustShow = null)
    {
        _statements.Reset();
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var count = _statements.Count;
        if (mustShow is not null)
        {
            Assert.Contains(mustShow, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal); // the page has content to pay for
        }

        return count;
    }

    [Fact]
    public async Task The_screening_queue_the_brand_workspace_and_the_challenge_page_run_at_most_four_statements_each()
    {
        var (owner, judge, moderator) = (await _site.AccountAsync(), await _site.AccountAsync("Moderator"), await _site.AccountAsync("Moderator"));
        TestAccount[] creatives = [await _site.AccountAsync(), await _site.AccountAsync()];
        // Blind, in judging, scored, with an entry waiting for screening: pseudonyms, insight and queue all have work.
        var judged = await JudgedChallenges.CreateAsync(_site.Services, owner, judge, creatives, title: "Wrap our hazelnut bar");
        var pages = new (TestAccount Who, string Path, string Shows)[]
        {
            (moderator, "/Moderation/Queue", "Creative 2"),
            (owner, $"/Brands/Workspace/{judged.BrandId}", "Wrap our hazelnut bar"),
            (creatives[0], $"/Challenges/{judged.ChallengeId}", "Wrap our hazelnut bar"),
            (owner, $"/Challenges/{judged.ChallengeId}", "Wrap our hazelnut bar"),
        };

        foreach (var (who, path, shows) in pages)
        {
            var client = await SignedInAsync(who);
            await StatementsForAsync(client, path); // the first visit may renew the session

            var statements = await StatementsForAsync(client, path, shows);
            Assert.True(statements is >= 1 and <= MostStatements, $"{path} ran {statements} statements");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Entries")]
    [InlineData("/Notifications")]
    public async Task A_signed_in_page_runs_at_most_four_statements_session_and_bell_included(string path)
    {
        var client = await SignedInAsync();
        await StatementsForAsync(client, path); // the first visit may renew the session

        Assert.InRange(await StatementsForAsync(client, path), 1, MostStatements);
    }

    [Fact]
    public async Task Once_the_security_stamp_was_checked_the_next_requests_do_not_check_it_again()
    {
        var client = await SignedInAsync();
        _clock.Advance(TimeSpan.FromMinutes(2)); // past the one-minute validation interval

        var checking = await StatementsForAsync(client, "/Notifications");
        var next = await StatementsForAsync(client, "/Notifications");

        Assert.True(checking > MostStatements, $"the check itself reads the account ({checking} statements)");
        Assert.InRange(next, 1, MostStatements);
    }

    /// <summary>SQL commands sent while serving a request (background jobs have no request and are not counted).</summary>
    private sealed class StatementCounter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public void Add() => Interlocked.Increment(ref _count);
    }

    private sealed class CountingInterceptor(StatementCounter counter, IHttpContextAccessor accessor) : DbCommandInterceptor
    {
        private void Count()
        {
            if (accessor.HttpContext is not null)
            {
                counter.Add();
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
