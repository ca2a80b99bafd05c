using Crowdsource.Application.Files;
using Crowdsource.Domain.Files;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Crowdsource.Infrastructure.Files;

/// <summary>
/// Keeps the chunks of resumable uploads in PostgreSQL, like stored files: every instance sees every chunk, so an
/// upload carries on through any of them, and a dump holds everything.
/// </summary>
public sealed class PostgresUploadStore(CrowdsourceDbContext db) : IUploadStore
{
    public async Task WriteChunkAsync(Guid uploadId, int index, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Chunks are written inside the use case's transaction: mark the command ITransactional.");
        await using var insert = new NpgsqlCommand(
            """INSERT INTO "UploadChunks" ("UploadId", "Index", "Data") VALUES (@upload, @index, @data)""", transaction.Connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<Guid>("upload", uploadId));
        insert.Parameters.Add(new NpgsqlParameter<int>("index", index));
        insert.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>>("data", NpgsqlDbType.Bytea) { TypedValue = data });
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public UploadedFile Open(Upload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var connectionString = db.Database.GetConnectionString()!;
        return new UploadedFile(upload.FileName, upload.Length, () => new UploadChunkStream(connectionString, upload.Id, upload.Length), upload.Id);
    }
}
