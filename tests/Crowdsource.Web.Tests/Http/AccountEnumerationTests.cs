using System.Net;
using Crowdsource.Application.Accounts;
using Crowdsource.Application.Administration;
using Crowdsource.Web.Tests.Support;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// No account enumeration (issue 10, hole 5): log-in and registration give the same answer after the same work
/// (one password hash) whatever the account's state, so neither the words nor the time tell a stranger who has
/// an account. The work is counted, not timed, so the tests hold on a loaded machine.
/// </summary>
public sealed class AccountEnumerationTests(HashCountingSite site) : IClassFixture<HashCountingSite>
{
    private HttpClient Client() => site.Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<(HttpResponseMessage Response, string Errors, int Hashes)> LogInAsync(string email, string password)
    {
        var client = Client();
        await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));
        var before = site.Hasher.Verifications;
        var response = await Forms.SubmitAsync(client, "/Account/Login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        var hashes = site.Hasher.Verifications - before;
        var errors = (await Forms.ParseAsync(response)).QuerySelector("#form-errors")?.TextContent.Trim() ?? string.Empty;
        return (response, errors, hashes);
    }

    private async Task<string> RegisterAsync(string email, string password, string name = "Someone New")
    {
        var response = await Forms.SubmitAsync(Client(), "/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    [Fact]
    public async Task A_wrong_password_on_an_unconfirmed_account_gets_the_same_answer_as_an_unknown_address()
    {
        var unconfirmed = $"unconfirmed.{Guid.NewGuid():N}@example.com";
        await RegisterAsync(unconfirmed, "violet kettles hum softly");

        var wrong = await LogInAsync(unconfirmed, "some passphrase here");
        var unknown = await LogInAsync($"nobody.{Guid.NewGuid():N}@example.com", "some passphrase here");

        Assert.Equal(HttpStatusCode.OK, wrong.Response.StatusCode);
        Assert.Equal(unknown.Response.StatusCode, wrong.Response.StatusCode);
        Assert.Contains("The e-mail address or the password is not right", wrong.Errors, StringComparison.Ordinal);
        Assert.Equal(unknown.Errors, wrong.Errors);
    }

    [Fact]
    public async Task Only_the_right_password_learns_that_the_address_is_not_confirmed_yet()
    {
        var unconfirmed = $"unconfirmed.{Guid.NewGuid():N}@example.com";
        await RegisterAsync(unconfirmed, "violet kettles hum softly");

        var right = await LogInAsync(unconfirmed, "violet kettles hum softly");

        Assert.Contains("confirm", right.Errors, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("The e-mail address or the password is not right", right.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_log_in_attempt_verifies_exactly_one_password_hash_whatever_the_account()
    {
        var confirmed = await site.AccountAsync();
        var unconfirmed = $"unconfirmed.{Guid.NewGuid():N}@example.com";
        await RegisterAsync(unconfirmed, "violet kettles hum softly");
        var locked = await site.AccountAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await LogInAsync(locked.Email, $"wrong guess number {attempt}");
        }

        var attempts = new[]
        {
            await LogInAsync($"nobody.{Guid.NewGuid():N}@example.com", "some passphrase here"),
            await LogInAsync(confirmed.Email, "some passphrase here"),
            await LogInAsync(unconfirmed, "some passphrase here"),
            await LogInAsync(locked.Email, "some passphrase here"),
            await LogInAsync(locked.Email, locked.Password),
        };

        Assert.All(attempts, attempt => Assert.Equal(1, attempt.Hashes));
        Assert.All(attempts, attempt => Assert.Equal(HttpStatusCode.OK, attempt.Response.StatusCode));
    }

    [Fact]
    public async Task Registering_a_taken_address_hashes_the_password_and_answers_like_a_new_one()
    {
        var taken = await site.AccountAsync();

        var before = site.Hasher.Hashes;
        var fresh = await RegisterAsync($"new.{Guid.NewGuid():N}@example.com", "violet kettles hum softly");
        var forNew = site.Hasher.Hashes - before;
        before = site.Hasher.Hashes;
        var again = await RegisterAsync(taken.Email, "violet kettles hum softly");
        var forTaken = site.Hasher.Hashes - before;

        Assert.Equal(1, forNew);
        Assert.Equal(forNew, forTaken);
        Assert.Equal(fresh, again);
    }
}

/// <summary>The site with a password hasher that counts its work, on a database of its own.</summary>
public sealed class HashCountingSite : IAsyncLifetime
{
    private readonly CrowdsourceWebFactory _database = new();

    public CountingPasswordHasher Hasher { get; } = new();

    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_database).InitializeAsync();
        Site = _database.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<CrowdsourceUser>>(Hasher)));
    }

    public async Task<TestAccount> AccountAsync()
    {
        var account = new TestAccount($"creative.{Guid.NewGuid():N}@example.com", "web test passphrase");
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new EnsureAccount.Command(account.Email, "Web Tester", account.Password, []));
        return account;
    }

    public async Task DisposeAsync() => await ((IAsyncLifetime)_database).DisposeAsync();
}

/// <summary>Identity's hasher, counting how often it hashes and verifies.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<CrowdsourceUser>
{
    private readonly PasswordHasher<CrowdsourceUser> _inner = new();
    private int _hashes;
    private int _verifications;

    public int Hashes => Volatile.Read(ref _hashes);

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(CrowdsourceUser user, string password)
    {
        Interlocked.Increment(ref _hashes);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(CrowdsourceUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
