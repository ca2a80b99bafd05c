using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Crowdsource.TestSupport;

/// <summary>
/// A small SMTP server on a loopback port (plain SMTP, no TLS, no authentication) standing in for the mail relay, which
/// is outside our system: it records every message it accepts, and fails on demand. It can go down (connections
/// refused) and come back on the same port, refuse chosen recipients (550 at RCPT TO), and run a test's action when a
/// message arrives, before it answers (to kill the database in the middle of a batch, say).
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, bool> _refusedRecipients = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private TcpListener? _listener;

    public FakeSmtpServer()
    {
        Port = PostgresServer.FreePort();
        ComeBack();
    }

    public int Port { get; }

    /// <summary>Runs when a message has arrived, before the server says it accepted it.</summary>
    public Func<MimeMessage, Task>? OnMessage { get; set; }

    public IReadOnlyList<MimeMessage> Received => [.. _received];

    /// <summary>How many times the message with this id arrived.</summary>
    public int TimesReceived(Guid emailId) =>
        _received.Count(message => message.MessageId == $"{emailId:N}@crowdsource");

    public void Refuse(string recipient) => _refusedRecipients[recipient] = true;

    /// <summary>Stops listening: connections are refused until <see cref="ComeBack"/>.</summary>
    public void GoDown()
    {
        lock (_lock)
        {
            _listener?.Stop();
            _listener = null;
        }
    }

    public void ComeBack()
    {
        lock (_lock)
        {
            if (_listener is not null)
            {
                return;
            }

            var listener = new TcpListener(IPAddress.Loopback, Port);
            listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Start();
            _listener = listener;
            _ = AcceptAsync(listener);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        GoDown();
        _stopping.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake.smtp.test ESMTP");
            while (await reader.ReadLineAsync(_stopping.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                    case "HELO":
                        await writer.WriteLineAsync("250 fake.smtp.test");
                        break;
                    case "RCPT":
                        var recipient = line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)];
                        await writer.WriteLineAsync(_refusedRecipients.ContainsKey(recipient) ? "550 5.1.1 No such mailbox" : "250 2.1.5 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var message = await ReadMessageAsync(reader);
                        if (OnMessage is { } onMessage)
                        {
                            await onMessage(message);
                        }

                        _received.Enqueue(message);
                        await writer.WriteLineAsync("250 2.0.0 Queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        // MAIL, RSET, NOOP and the rest.
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away, or the server is stopping.
        }
    }

    private async Task<MimeMessage> ReadMessageAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stopping.Token) is { } line && line != ".")
        {
            // Dot-stuffing: a line that starts with a dot was sent with one more.
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        using var content = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString()));
        return await MimeMessage.LoadAsync(content);
    }
}
