using MimeKit;

namespace Crowdsource.Infrastructure.Email;

/// <summary>Delivers one message or throws; the outbox decides what a failure means.</summary>
public interface IEmailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
