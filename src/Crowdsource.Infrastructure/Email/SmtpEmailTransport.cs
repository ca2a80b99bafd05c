using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Crowdsource.Infrastructure.Email;

/// <summary>Sends through the configured SMTP server with MailKit.</summary>
internal sealed class SmtpEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var security = settings.SmtpSecurity switch
        {
            "None" => SecureSocketOptions.None,
            "SslOnConnect" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };

        using var client = new SmtpClient { Timeout = (int)settings.SendTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.SmtpHost!, settings.SmtpPort, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.SmtpUserName))
            {
                await client.AuthenticateAsync(settings.SmtpUserName, settings.SmtpPassword ?? string.Empty, cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception exception) when (IsServerProblem(exception))
        {
            throw new EmailServerUnavailableException(
                $"The mail server {settings.SmtpHost}:{settings.SmtpPort} is unavailable: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Everything but the server refusing this message's sender, recipient or content: those count against the message
    /// (and a temporary refusal such as greylisting waits with the message's own back-off).
    /// </summary>
    private static bool IsServerProblem(Exception exception) => exception switch
    {
        SmtpCommandException command => command.ErrorCode is not (SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted),
        SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or SslHandshakeException => true,
        IOException or SocketException or TimeoutException => true,
        _ => false,
    };
}
