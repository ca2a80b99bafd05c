using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The certificate that encrypts Data Protection keys at rest (section <c>DataProtection</c>). The keys (cookies,
/// e-mail tokens) live in the database so every instance shares them; encrypted with this certificate, a copy of
/// the database alone cannot forge a session. Required in Production: the site refuses to start without it. Other
/// environments may go without (Development keeps its keys unencrypted, as before, and the framework warns).
/// </summary>
public sealed class DataProtectionCertificate
{
    public const string Section = "DataProtection";

    /// <summary>A PFX (PKCS #12) file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PFX file's password.</summary>
    public string? CertificatePassword { get; set; }

    internal const string Missing =
        "Data Protection keys must be encrypted at rest in Production: set DataProtection__CertificatePath to a PFX file with a "
        + "private key and DataProtection__CertificatePassword to its password (see the README, \"With Docker\").";
}

internal static class DataProtectionCertificateSetup
{
    public static WebApplicationBuilder ProtectKeysAtRest(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DataProtectionCertificate>().BindConfiguration(DataProtectionCertificate.Section)
            .Validate<IHostEnvironment>((settings, environment) => !environment.IsProduction() || !string.IsNullOrWhiteSpace(settings.CertificatePath),
                DataProtectionCertificate.Missing)
            .ValidateOnStart();

        var settings = builder.Configuration.GetSection(DataProtectionCertificate.Section).Get<DataProtectionCertificate>();
        if (string.IsNullOrWhiteSpace(settings?.CertificatePath))
        {
            return builder;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(settings.CertificatePath, settings.CertificatePassword);
        }
        catch (Exception unreadable) when (unreadable is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"DataProtection__CertificatePath: the certificate '{settings.CertificatePath}' cannot be read with DataProtection__CertificatePassword: {unreadable.Message}",
                unreadable);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"DataProtection__CertificatePath: the certificate '{settings.CertificatePath}' has no private key, so it could not decrypt the keys.");
        }

        // Registered before Data Protection's own start-up work, which loads the keys: they are loaded already revoked.
        builder.Services.AddHostedService<UnencryptedKeyRevocation>();
        builder.Services.AddDataProtection().ProtectKeysWithCertificate(certificate); // kept for the life of the process
        return builder;
    }
}
