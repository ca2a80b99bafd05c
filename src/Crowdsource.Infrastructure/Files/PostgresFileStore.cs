using System.Data;
using System.Globalization;
using System.Security.Cryptography;
using Crowdsource.Application.Common;
using Crowdsource.Application.Files;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Files;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Infrastructure.Files;

/// <summary>
/// Keeps file contents in PostgreSQL, in rows of <see cref="ChunkSize"/> bytes: no extra service to run, and a file
/// is saved or rolled back with the record that uses it. Chunks are written and read one at a time, so neither the
/// app nor the database ever holds a whole file in memory.
/// </summary>
public sealed class PostgresFileStore(CrowdsourceDbContext db, CrowdsourceMetrics metrics, TimeProvider clock) : IFileStore
{
    public const int ChunkSize = 256 * 1024;

    public async Task<StoredFile> SaveAsync(UploadedFile file, FilePolicy policy, string propertyName, string? uploadedByUserId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(policy);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction
            ?? throw new InvalidOperationException("Files are stored inside the use case's transaction: mark the command ITransactional.");
        var connection = transaction.Connection!;

        var displayName = Path.GetFileName(file.FileName);
        if (file.Length > policy.MaximumBytes)
        {
            throw TooLarge(propertyName, displayName, policy);
        }

        if (file.UploadId is { } claimed)
        {
            // Locked until the transaction ends: a second form naming the same upload (a double post) waits here, then
            // finds it used; the clock cannot delete it meanwhile.
            await using var claim = new NpgsqlCommand(
                """SELECT "Received" = "Length" FROM "Uploads" WHERE "Id" = @upload FOR UPDATE""", connection, transaction);
            claim.Parameters.Add(new NpgsqlParameter<Guid>("upload", claimed));
            if (await claim.ExecuteScalarAsync(cancellationToken) is not true)
            {
                throw ValidationException.For(propertyName, Messages.UploadNotAvailable);
            }
        }

        // Each reading opens its own stream and finishes with it before the next one starts: an upload's streams share one buffer.
        FileKind? kind;
        await using (var signature = file.OpenReadStream())
        {
            var start = new byte[FileKind.SignatureLength];
            var count = await signature.ReadAtLeastAsync(start, start.Length, throwOnEndOfStream: false, cancellationToken);
            if (count == 0)
            {
                throw ValidationException.For(propertyName, string.Format(CultureInfo.CurrentCulture, Messages.FileEmpty, displayName));
            }

            kind = FileKind.Detect(start.AsSpan(0, count));
        }

        if (kind is null || !policy.AcceptedKinds.Contains(kind))
        {
            throw ValidationException.For(propertyName,
                string.Format(CultureInfo.CurrentCulture, Messages.FileKindRefused, displayName, policy.AcceptedNames));
        }

        if (kind.IsImage)
        {
            // Measured from the header before anything decodes it: a picture over the pixel budget is never stored or thumbnailed.
            await using var header = file.OpenReadStream();
            policy.Pixels.Check(header, kind, propertyName, displayName);
        }

        await using var content = file.OpenReadStream();
        var buffer = new byte[ChunkSize];
        var read = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken);

        var fileId = Guid.CreateVersion7(clock.GetUtcNow());
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var insert = new NpgsqlCommand(
            """INSERT INTO "StoredFileChunks" ("FileId", "Index", "Data") VALUES (@file, @index, @data)""", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter<Guid>("file", fileId));
        var indexParameter = new NpgsqlParameter<int>("index", 0);
        var dataParameter = new NpgsqlParameter<ReadOnlyMemory<byte>>("data", NpgsqlDbType.Bytea);
        insert.Parameters.Add(indexParameter);
        insert.Parameters.Add(dataParameter);

        long length = 0;
        var index = 0;
        while (read > 0)
        {
            length += read;
            if (length > policy.MaximumBytes)
            {
                // The declared length can lie; the bytes cannot. The transaction rolls back what was written.
                throw TooLarge(propertyName, displayName, policy);
            }

            hash.AppendData(buffer, 0, read);
            indexParameter.TypedValue = index++;
            dataParameter.TypedValue = new ReadOnlyMemory<byte>(buffer, 0, read);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            read = await content.ReadAtLeastAsync(buffer, ChunkSize, throwOnEndOfStream: false, cancellationToken);
        }

        if (file.UploadId is null)
        {
            metrics.RecordUploadBytes(length, "form"); // a chunked upload counted its bytes as they arrived
        }
        else if (file.UploadId is { } uploadId)
        {
            if (length != file.Length)
            {
                throw ValidationException.For(propertyName, Messages.UploadNotAvailable);
            }

            // The resumable upload became this file: it goes with the same transaction (its chunks with it).
            await using var delete = new NpgsqlCommand("""DELETE FROM "Uploads" WHERE "Id" = @upload""", connection, transaction);
            delete.Parameters.Add(new NpgsqlParameter<Guid>("upload", uploadId));
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        var stored = StoredFile.Create(fileId, FileNames.Clean(file.FileName, kind), kind.ContentType, length,
            Convert.ToHexStringLower(hash.GetHashAndReset()), uploadedByUserId, clock.GetUtcNow());
        db.StoredFiles.Add(stored);
        return stored;
    }

    public async Task CopyToAsync(Guid fileId, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await connection.OpenAsync(cancellationToken);
        }

        try
        {
            await using var select = new NpgsqlCommand(
                """SELECT "Data" FROM "StoredFileChunks" WHERE "FileId" = @file ORDER BY "Index" """, connection,
                db.Database.CurrentTransaction?.GetDbTransaction() as NpgsqlTransaction);
            select.Parameters.Add(new NpgsqlParameter<Guid>("file", fileId));

            // Sequential access streams each row from the socket instead of buffering the result.
            await using var reader = await select.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                await using var chunk = await reader.GetStreamAsync(0, cancellationToken);
                await chunk.CopyToAsync(destination, cancellationToken);
            }
        }
        finally
        {
            if (opened)
            {
                await connection.CloseAsync();
            }
        }
    }

    private static ValidationException TooLarge(string propertyName, string displayName, FilePolicy policy) =>
        ValidationException.For(propertyName, string.Format(CultureInfo.CurrentCulture, Messages.FileTooLarge, displayName,
            FileSizes.Describe(policy.MaximumBytes)));
}
