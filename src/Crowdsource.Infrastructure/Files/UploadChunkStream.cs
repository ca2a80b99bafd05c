using Npgsql;

namespace Crowdsource.Infrastructure.Files;

/// <summary>
/// Reads a finished upload from the start, one chunk in memory at a time. It has a connection of its own: the file
/// store writes the stored file on the use case's connection meanwhile, and the chunks it reads are committed already.
/// </summary>
internal sealed class UploadChunkStream(string connectionString, Guid uploadId, long length) : Stream
{
    private NpgsqlConnection? _connection;
    private byte[] _chunk = [];
    private int _offsetInChunk;
    private int _nextIndex;
    private long _position;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_offsetInChunk == _chunk.Length && _position < length && !_ended)
        {
            _chunk = FetchNextAsync(sync: true, CancellationToken.None).GetAwaiter().GetResult();
            _offsetInChunk = 0;
            _ended = _chunk.Length == 0;
        }

        return CopyOut(buffer);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offsetInChunk == _chunk.Length && _position < length && !_ended)
        {
            _chunk = await FetchNextAsync(sync: false, cancellationToken);
            _offsetInChunk = 0;
            _ended = _chunk.Length == 0;
        }

        return CopyOut(buffer.Span);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connection?.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    private int CopyOut(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _chunk.Length - _offsetInChunk);
        _chunk.AsSpan(_offsetInChunk, count).CopyTo(buffer);
        _offsetInChunk += count;
        _position += count;
        return count;
    }

    // The picture header check reads synchronously; everything else asynchronously.
    private async Task<byte[]> FetchNextAsync(bool sync, CancellationToken cancellationToken)
    {
        if (_connection is null)
        {
            _connection = new NpgsqlConnection(connectionString);
            if (sync)
            {
                _connection.Open();
            }
            else
            {
                await _connection.OpenAsync(cancellationToken);
            }
        }

        await using var select = new NpgsqlCommand("""SELECT "Data" FROM "UploadChunks" WHERE "UploadId" = @upload AND "Index" = @index""", _connection);
        select.Parameters.Add(new NpgsqlParameter<Guid>("upload", uploadId));
        select.Parameters.Add(new NpgsqlParameter<int>("index", _nextIndex++));
        var data = sync ? select.ExecuteScalar() : await select.ExecuteScalarAsync(cancellationToken);

        // A chunk gone (the upload used or deleted meanwhile) ends the stream early instead of throwing: a picture
        // decoder may be reading from native code, where an exception would end the process. The file store checks
        // that it read the whole length.
        return data as byte[] ?? [];
    }
}
