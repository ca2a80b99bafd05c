using Crowdsource.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> builder)
    {
        builder.ToTable("Uploads");
        builder.HasKey(upload => upload.Id);
        builder.Property(upload => upload.Id).ValueGeneratedNever();
        builder.Property(upload => upload.UserId).HasMaxLength(450).IsRequired();
        builder.Property(upload => upload.FileName).HasMaxLength(Upload.FileNameMaximumLength).IsRequired();
        builder.Ignore(upload => upload.IsComplete);

        // Counting one person's open uploads; finding abandoned ones.
        builder.HasIndex(upload => new { upload.UserId, upload.LastReceivedAt });
        builder.HasIndex(upload => upload.LastReceivedAt);
    }
}

/// <summary>The bytes of an upload so far, in order. Written and read only by the upload store, with plain SQL.</summary>
internal sealed class UploadChunk
{
    public Guid UploadId { get; set; }

    public int Index { get; set; }

    public byte[] Data { get; set; } = [];
}

internal sealed class UploadChunkConfiguration : IEntityTypeConfiguration<UploadChunk>
{
    public void Configure(EntityTypeBuilder<UploadChunk> builder)
    {
        builder.ToTable("UploadChunks");
        builder.HasKey(chunk => new { chunk.UploadId, chunk.Index });
        builder.HasOne<Upload>().WithMany().HasForeignKey(chunk => chunk.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}
