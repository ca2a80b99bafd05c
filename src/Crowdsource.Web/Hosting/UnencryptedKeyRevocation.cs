using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Once a certificate protects the Data Protection keys (<see cref="DataProtectionCertificate"/>), revokes at start-up
/// every key still stored in clear, made before the certificate was configured: a copy of the database would
/// otherwise still hold a key able to forge sessions and e-mailed links. Sessions and links signed with such a key end;
/// new keys are made encrypted. Every instance may run it: revoking a key twice is harmless.
/// </summary>
internal sealed partial class UnencryptedKeyRevocation(
    IKeyManager keys, IOptions<KeyManagementOptions> options, ILogger<UnencryptedKeyRevocation> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var repository = options.Value.XmlRepository
            ?? throw new InvalidOperationException("Data Protection has no key repository to inspect.");
        var live = keys.GetAllKeys().Where(key => !key.IsRevoked).Select(key => key.KeyId).ToHashSet();
        var inClear = repository.GetAllElements()
            .Where(element => element.Name.LocalName == "key" && !IsEncrypted(element))
            .Select(element => Guid.TryParse((string?)element.Attribute("id"), out var id) ? id : Guid.Empty)
            .Where(live.Contains)
            .ToList();
        foreach (var keyId in inClear)
        {
            keys.RevokeKey(keyId, "Stored unencrypted before a certificate protected the keys at rest.");
        }

        if (inClear.Count > 0)
        {
            LogRevoked(logger, inClear.Count);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An encrypted key's descriptor holds an <c>encryptedSecret</c> element instead of its master key in clear.</summary>
    private static bool IsEncrypted(XElement key) => key.Descendants().Any(element => element.Name.LocalName == "encryptedSecret");

    [LoggerMessage(LogLevel.Warning,
        "Revoked {Count} Data Protection key(s) stored unencrypted before the certificate was configured: sessions and e-mailed links signed with them have ended")]
    private static partial void LogRevoked(ILogger logger, int count);
}
