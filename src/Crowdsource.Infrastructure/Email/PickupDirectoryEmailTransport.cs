using Microsoft.Extensions.Options;
using MimeKit;

namespace Crowdsource.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file (readable by any mail client) when no SMTP server is configured: the
/// development setting, next to the development mailbox page.
/// </summary>
internal sealed class PickupDirectoryEmailTransport(IOptions<EmailOptions> options) : IEmailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        try
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, $"{message.MessageId ?? Guid.NewGuid().ToString()}.eml".Replace('@', '_'));
            // Written aside, then renamed: whoever reads the directory never sees half a message.
            var writing = path + ".writing";
            await message.WriteToAsync(writing, cancellationToken);
            File.Move(writing, path, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new EmailServerUnavailableException($"The pickup directory {directory} cannot be written: {exception.Message}", exception);
        }
    }
}
