using Crowdsource.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("StoredFiles");
        builder.HasKey(file => file.Id);
        builder.Property(file => file.Id).ValueGeneratedNever();
        builder.Property(file => file.FileName).HasMaxLength(StoredFile.FileNameMaximumLength).IsRequired();
        builder.Property(file => file.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(file => file.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(file => file.Sha256);
        builder.Ignore(file => file.IsImage);
    }
}

/// <summary>The bytes of a stored file, in order. Written and read only by the file store, with plain SQL.</summary>
internal sealed class StoredFileChunk
{
    public Guid FileId { get; set; }

    public int Index { get; set; }

    public byte[] Data { get; set; } = [];
}

internal sealed class StoredFileChunkConfiguration : IEntityTypeConfiguration<StoredFileChunk>
{
    public void Configure(EntityTypeBuilder<StoredFileChunk> builder)
    {
        builder.ToTable("StoredFileChunks");
        builder.HasKey(chunk => new { chunk.FileId, chunk.Index });
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(chunk => chunk.FileId).OnDelete(DeleteBehavior.Cascade)
            .HasConstraintName(ForeignKeyName);
    }

    public const string ForeignKeyName = "FK_StoredFileChunks_StoredFiles_FileId";
}
