using System.Net;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Links in e-mails come only from the configured public address, whatever Host a request claims; the site does not
/// start outside Development without one; forwarded headers are believed only from configured proxies.
/// </summary>
public sealed class PublicAddressTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    /// <summary>A client whose requests all carry <c>Host: evil.example</c>, as the attacker's did.</summary>
    private HttpClient ForgedHostClient() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://evil.example/") });

    private void AssertEveryLinkIsOnThePublicAddress(IReadOnlyList<MimeKit.MimeMessage> emails)
    {
        var links = emails.SelectMany(CrowdsourceWebFactory.LinksIn).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, link => Assert.StartsWith(factory.PublicBaseUrl.ToString(), link.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(emails, email => (email.HtmlBody + email.TextBody).Contains("evil.example", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_password_reset_asked_for_under_a_forged_host_links_only_to_the_public_address()
    {
        var victim = await factory.AccountAsync();
        var attacker = ForgedHostClient();

        var response = await Forms.SubmitAsync(attacker, "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = victim.Email });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var emails = await factory.EmailsToAsync(victim.Email);
        Assert.Contains(emails.SelectMany(CrowdsourceWebFactory.LinksIn), link => link.AbsolutePath == "/Account/ResetPassword");
        AssertEveryLinkIsOnThePublicAddress(emails);
    }

    [Fact]
    public async Task Registering_an_existing_address_under_a_forged_host_e_mails_links_only_to_the_public_address()
    {
        var victim = await factory.AccountAsync();
        var attacker = ForgedHostClient();

        var response = await Forms.SubmitAsync(attacker, "/Account/Register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Not You",
            ["Input.Email"] = victim.Email,
            ["Input.Password"] = "a long enough passphrase",
            ["Input.ConfirmPassword"] = "a long enough passphrase",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        AssertEveryLinkIsOnThePublicAddress(await factory.EmailsToAsync(victim.Email));
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Testing")]
    public void The_site_does_not_start_outside_development_without_a_public_address_and_says_which_setting_to_set(string environment)
    {
        using var certificate = new KeyCertificate();
        using var site = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Crowdsource:PublicBaseUrl", string.Empty);
            certificate.Configure(builder);
        });

        var failure = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        var refusal = Assert.IsType<OptionsValidationException>(Unwrap(failure));
        Assert.Contains("Crowdsource__PublicBaseUrl", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("required outside Development", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_production_the_site_does_not_start_without_a_certificate_for_its_keys_and_says_which_setting_to_set()
    {
        using var site = factory.WithWebHostBuilder(builder => builder.UseEnvironment("Production"));

        var failure = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains(Chain(failure), message => message.Contains("DataProtection__CertificatePath", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_production_the_keys_are_encrypted_with_the_configured_certificate()
    {
        using var certificate = new KeyCertificate();
        using var site = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            certificate.Configure(builder);
        });

        Assert.Equal(HttpStatusCode.OK, (await site.CreateClient().GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        var encryptor = site.Services.GetRequiredService<IOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>>().Value.XmlEncryptor;
        Assert.IsType<Microsoft.AspNetCore.DataProtection.XmlEncryption.CertificateXmlEncryptor>(encryptor);
    }

    [Fact]
    public void In_development_the_public_address_defaults_to_the_local_site_not_to_any_request()
    {
        using var site = factory.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Crowdsource:PublicBaseUrl", string.Empty);
        });

        Assert.Equal(new Uri("http://localhost:5080/"), site.Services.GetRequiredService<IOptions<CrowdsourceOptions>>().Value.PublicBaseUrl);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_that_is_not_a_configured_proxy_are_ignored()
    {
        var seen = new SeenRequest(IPAddress.Parse("203.0.113.5"));
        using var site = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(seen)));

        await site.CreateClient().SendAsync(Forwarded());

        Assert.Equal((IPAddress.Parse("203.0.113.5"), "http", "localhost"), (seen.ClientAddress, seen.Scheme, seen.Host));
    }

    [Fact]
    public async Task Forwarded_headers_from_a_configured_proxy_give_the_client_s_address_and_scheme()
    {
        var seen = new SeenRequest(IPAddress.Parse("203.0.113.5"));
        using var site = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Crowdsource:ForwardedHeaders:KnownProxies", "10.0.0.2, 203.0.113.5");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(seen));
        });

        await site.CreateClient().SendAsync(Forwarded());

        Assert.Equal((IPAddress.Parse("198.51.100.7"), "https", "crowdsource.example"), (seen.ClientAddress, seen.Scheme, seen.Host));
    }

    private static HttpRequestMessage Forwarded()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/health/live", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "crowdsource.example");
        return request;
    }

    private static IEnumerable<string> Chain(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            yield return failure.Message;
        }
    }

    /// <summary>A self-signed certificate with its private key in a PFX file, as an operator would mount one.</summary>
    private sealed class KeyCertificate : IDisposable
    {
        private const string Password = "pfx test password";

        private readonly string _path = Path.Combine(Path.GetTempPath(), $"crowdsource-keys-{Guid.NewGuid():N}.pfx");

        public KeyCertificate()
        {
            using var key = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=Crowdsource Data Protection", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(_path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, Password));
        }

        public void Configure(IWebHostBuilder builder)
        {
            builder.UseSetting("DataProtection:CertificatePath", _path);
            builder.UseSetting("DataProtection:CertificatePassword", Password);
        }

        public void Dispose() => File.Delete(_path);
    }

    private static Exception Unwrap(Exception failure) =>
        failure is OptionsValidationException || failure.InnerException is null ? failure : Unwrap(failure.InnerException);

    /// <summary>Gives each request a remote address (the test server has none), and notes what the site made of it.</summary>
    private sealed class SeenRequest(IPAddress remoteAddress) : IStartupFilter
    {
        public IPAddress? ClientAddress { get; private set; }

        public string? Scheme { get; private set; }

        public string? Host { get; private set; }

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, following) =>
            {
                context.Connection.RemoteIpAddress = remoteAddress;
                await following(context);
                (ClientAddress, Scheme, Host) = (context.Connection.RemoteIpAddress, context.Request.Scheme, context.Request.Host.Host);
            });
            next(app);
        };
    }
}
