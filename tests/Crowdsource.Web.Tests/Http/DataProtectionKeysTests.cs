using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Keys made before a certificate protected them at rest are revoked when the site starts with one: what they signed
/// stops working, and the keys that replace them are stored encrypted.
/// </summary>
public sealed class DataProtectionKeysTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>, IDisposable
{
    private const string Purpose = "Crowdsource.Tests.KeysAtRest";

    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"crowdsource-keys-{Guid.NewGuid():N}.pfx");

    [Fact]
    public void A_key_stored_in_clear_before_the_certificate_is_revoked_and_its_replacement_is_encrypted()
    {
        var signedInClear = factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose).Protect("a session");
        var inClear = Assert.Single(Stored(factory.Services, "key"));
        Assert.DoesNotContain(inClear.Descendants(), element => element.Name.LocalName == "encryptedSecret");

        using var withCertificate = factory.WithWebHostBuilder(builder => builder
            .UseSetting("DataProtection:CertificatePath", WriteCertificate("pfx password"))
            .UseSetting("DataProtection:CertificatePassword", "pfx password"));
        var protector = withCertificate.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(signedInClear));
        Assert.Equal("a new session", protector.Unprotect(protector.Protect("a new session")));
        var revocation = Assert.Single(Stored(withCertificate.Services, "revocation"));
        Assert.Equal((string?)inClear.Attribute("id"), (string?)revocation.Element("key")?.Attribute("id"));
        var replacement = Assert.Single(Stored(withCertificate.Services, "key"), key => (string?)key.Attribute("id") != (string?)inClear.Attribute("id"));
        Assert.Contains(replacement.Descendants(), element => element.Name.LocalName == "encryptedSecret");
        Assert.DoesNotContain(replacement.Descendants(), element => element.Name.LocalName == "masterKey");
    }

    /// <summary>The elements of the key repository (the database) named <paramref name="name"/>: keys or revocations.</summary>
    private static List<XElement> Stored(IServiceProvider services, string name) =>
        [.. services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!.GetAllElements()
            .Where(element => element.Name.LocalName == name)];

    private string WriteCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Crowdsource test keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_certificatePath, certificate.Export(X509ContentType.Pfx, password));
        return _certificatePath;
    }

    public void Dispose() => File.Delete(_certificatePath);
}
