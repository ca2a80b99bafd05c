using System.Text.Json;
using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Licensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> builder)
    {
        builder.ToTable("Entries");
        builder.HasKey(entry => entry.Id);
        builder.Property(entry => entry.Id).HasConversion(id => id.Value, value => new EntryId(value)).ValueGeneratedNever();
        builder.Property(entry => entry.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(entry => entry.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(entry => entry.CreativeUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(entry => entry.Title).HasMaxLength(Entry.TitleMaximumLength).IsRequired();
        builder.Property(entry => entry.Description).HasMaxLength(Entry.DescriptionMaximumLength).IsRequired();
        builder.Property(entry => entry.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(entry => entry.Version).IsRowVersion();
        builder.Property(entry => entry.ScreeningMessage).HasMaxLength(Entry.ScreeningMessageMaximumLength);
        // The screening queue, oldest first: with the id (its tie-break) the scan stops at the page instead of sorting
        // every entry sent at the same instant.
        builder.HasIndex(entry => new { entry.Status, entry.SubmittedAt, entry.Id });
        builder.HasIndex(entry => new { entry.CreativeUserId, entry.SubmittedAt }); // My entries, newest first
        builder.HasIndex(entry => entry.CreativeUserId).HasFilter("\"PublishedToPortfolioAt\" IS NOT NULL");
        // A creative's entries to a challenge; with the submission time, also the order in which authors first entered
        // (the pseudonyms of blind judging) read from the index alone.
        builder.HasIndex(entry => new { entry.ChallengeId, entry.CreativeUserId, entry.SubmittedAt });
        // A challenge's approved entries in submission order, from the index alone: the judging board and results ranking.
        builder.HasIndex(entry => new { entry.ChallengeId, entry.Status, entry.SubmittedAt, entry.Id });
        builder.HasIndex(entry => new { entry.CreativeUserId, entry.SubmissionKey }).IsUnique();
        builder.Ignore(entry => entry.CurrentAcceptance);
        builder.Ignore(entry => entry.IsActive);
        builder.Ignore(entry => entry.LatestFileRecord);

        builder.HasMany(entry => entry.Files).WithOne().HasForeignKey(file => file.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(entry => entry.Files).HasField("_files").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(entry => entry.Acceptances).WithOne().HasForeignKey(acceptance => acceptance.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(entry => entry.Acceptances).HasField("_acceptances").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(entry => entry.FileRecords).WithOne().HasForeignKey(record => record.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(entry => entry.FileRecords).HasField("_fileRecords").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class EntryFileConfiguration : IEntityTypeConfiguration<EntryFile>
{
    public void Configure(EntityTypeBuilder<EntryFile> builder)
    {
        builder.ToTable("EntryFiles");
        builder.HasKey(file => file.Id);
        builder.Property(file => file.Id).ValueGeneratedNever();
        builder.Property(file => file.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(file => file.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(file => file.FileName).HasMaxLength(StoredFile.FileNameMaximumLength).IsRequired();
        builder.Property(file => file.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(file => file.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(file => file.Sha256);
        builder.Ignore(file => file.IsImage);
        builder.Ignore(file => file.StoredFileIds);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(file => file.ThumbnailFileId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Acceptance records and file records are append-only: the migration adds triggers that refuse changes.</summary>
internal sealed class LicenceAcceptanceConfiguration : IEntityTypeConfiguration<LicenceAcceptance>
{
    public void Configure(EntityTypeBuilder<LicenceAcceptance> builder)
    {
        builder.ToTable("LicenceAcceptances");
        builder.HasKey(acceptance => acceptance.Id);
        builder.Property(acceptance => acceptance.Id).ValueGeneratedNever();
        builder.Property(acceptance => acceptance.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.HasOne<LicenceVersion>().WithMany().HasForeignKey(acceptance => acceptance.LicenceVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(acceptance => acceptance.CreativeUserId).IsRequired();
        builder.Property(acceptance => acceptance.LicenceTextSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(acceptance => acceptance.IpAddress).HasMaxLength(64);
        builder.Property(acceptance => acceptance.UserAgent).HasMaxLength(512);
    }
}

internal sealed class EntryFilesRecordConfiguration : IEntityTypeConfiguration<EntryFilesRecord>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<EntryFilesRecord> builder)
    {
        builder.ToTable("EntryFilesRecords");
        builder.HasKey(record => record.Id);
        builder.Property(record => record.Id).ValueGeneratedNever();
        builder.Property(record => record.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.HasOne<LicenceAcceptance>().WithMany().HasForeignKey(record => record.AcceptanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(record => new { record.EntryId, record.Sequence }).IsUnique();
        builder.Property(record => record.Files)
            .HasColumnType("jsonb")
            .HasConversion(
                files => JsonSerializer.Serialize(files, Json),
                json => JsonSerializer.Deserialize<List<RecordedFile>>(json, Json) ?? new List<RecordedFile>(),
                new ValueComparer<List<RecordedFile>>(
                    (left, right) => left!.SequenceEqual(right!),
                    files => files.Aggregate(0, (hash, file) => HashCode.Combine(hash, file)),
                    files => files.ToList()));
    }
}

internal sealed class EntryRatingConfiguration : IEntityTypeConfiguration<EntryRating>
{
    public void Configure(EntityTypeBuilder<EntryRating> builder)
    {
        builder.ToTable("EntryRatings");
        builder.HasKey(rating => rating.Id);
        builder.Property(rating => rating.Id).ValueGeneratedNever();
        builder.Property(rating => rating.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(rating => rating.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(rating => rating.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entry>().WithMany().HasForeignKey(rating => rating.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(rating => rating.RatedByUserId).HasMaxLength(450).IsRequired();
        builder.Property(rating => rating.Comment).HasMaxLength(EntryRating.CommentMaximumLength);
        // An entry's latest rating (what its author and the brand see), and whether it was rated before a deadline.
        builder.HasIndex(rating => new { rating.EntryId, rating.RatedAt });
        // A brand's record: the ratings of a challenge.
        builder.HasIndex(rating => new { rating.ChallengeId, rating.RatedAt });
    }
}
