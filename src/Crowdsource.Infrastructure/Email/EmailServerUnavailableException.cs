namespace Crowdsource.Infrastructure.Email;

/// <summary>
/// The mail server could not be reached or would not serve anyone (refused, timed out, out of service, credentials
/// refused): no message's fault, so the outbox keeps messages due instead of counting attempts against them. Any other
/// exception from a transport means the server refused that one message.
/// </summary>
public sealed class EmailServerUnavailableException(string message, Exception innerException) : Exception(message, innerException);
