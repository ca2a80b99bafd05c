using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Licensing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class ChallengeConfiguration : IEntityTypeConfiguration<Challenge>
{
    public const string SearchVector = "SearchVector";

    private const string SearchVectorSql = """
        setweight(to_tsvector('english', coalesce("Title", '')), 'A') || setweight(to_tsvector('french', coalesce("Title", '')), 'A') ||
        setweight(to_tsvector('english', coalesce("Summary", '')), 'B') || setweight(to_tsvector('french', coalesce("Summary", '')), 'B') ||
        setweight(to_tsvector('english', coalesce("Brief", '')), 'C') || setweight(to_tsvector('french', coalesce("Brief", '')), 'C')
        """;

    public void Configure(EntityTypeBuilder<Challenge> builder)
    {
        builder.ToTable("Challenges");
        builder.HasKey(challenge => challenge.Id);
        builder.Property(challenge => challenge.Id).HasConversion(id => id.Value, value => new ChallengeId(value)).ValueGeneratedNever();
        builder.Property(challenge => challenge.BrandId).HasConversion(id => id.Value, value => new BrandId(value));
        builder.HasOne<Brand>().WithMany().HasForeignKey(challenge => challenge.BrandId).OnDelete(DeleteBehavior.Restrict);
        // The brand workspace's pages (by status, the latest changed first); its prefix serves lookups by brand and status.
        builder.HasIndex(challenge => new { challenge.BrandId, challenge.Status, challenge.UpdatedAt }).IsDescending(false, false, true);
        builder.HasIndex(challenge => new { challenge.BrandId, challenge.SubmissionOpensAt }); // the brand insight: latest opened

        builder.Property(challenge => challenge.Title).HasMaxLength(Challenge.TitleMaximumLength).IsRequired();
        builder.Property(challenge => challenge.Slug).HasMaxLength(Domain.Common.Slug.MaximumLength).IsRequired();
        builder.Property(challenge => challenge.Summary).HasMaxLength(Challenge.SummaryMaximumLength).IsRequired();
        builder.Property(challenge => challenge.Brief).HasMaxLength(Challenge.BriefMaximumLength).IsRequired();
        builder.Property(challenge => challenge.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(challenge => challenge.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(challenge => challenge.Visibility).HasConversion<string>().HasMaxLength(16);
        builder.Property(challenge => challenge.RejectionReason).HasMaxLength(2000);
        builder.Property(challenge => challenge.CancellationReason).HasMaxLength(2000);
        builder.Property(challenge => challenge.CreatedByUserId).IsRequired();

        builder.PrimitiveCollection(challenge => challenge.Tags).HasField("_tags").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.PrimitiveCollection(challenge => challenge.InvitedEmails).HasField("_invitedEmails").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Prizes and criteria belong to the challenge and are read and written with it: one JSON document each.
        builder.OwnsMany(challenge => challenge.PrizeTiers, tiers =>
        {
            tiers.ToJson("PrizeTiers");
            tiers.Ignore(tier => tier.Prize);
        });
        builder.HasIndex(challenge => new { challenge.Status, challenge.PublishedAt });
        builder.Navigation(challenge => challenge.PrizeTiers).HasField("_prizeTiers").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.OwnsMany(challenge => challenge.Criteria, criteria => criteria.ToJson("Criteria"));
        builder.Navigation(challenge => challenge.Criteria).HasField("_criteria").UsePropertyAccessMode(PropertyAccessMode.Field);

        builder.OwnsMany(challenge => challenge.WinnerSelection, picks =>
        {
            picks.ToJson("WinnerSelection");
            picks.Property(pick => pick.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        });
        builder.Navigation(challenge => challenge.WinnerSelection).HasField("_winnerSelection").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Property(challenge => challenge.PeoplesChoicePrize).HasPrecision(12, 2);
        builder.Ignore(challenge => challenge.IsRankingLocked);

        builder.HasOne<LicenceVersion>().WithMany().HasForeignKey(challenge => challenge.LicenceVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(challenge => challenge.CoverFileId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(challenge => challenge.CoverThumbnailFileId).OnDelete(DeleteBehavior.Restrict);

        // Two people editing one challenge: the second save fails instead of silently overwriting the first.
        builder.Property(challenge => challenge.Version).IsRowVersion();

        builder.Property(challenge => challenge.TotalPrize).HasPrecision(12, 2);
        builder.Ignore(challenge => challenge.PrizeCurrency);
        builder.Property(challenge => challenge.FundedAmount).HasPrecision(12, 2);
        builder.Property(challenge => challenge.PendingTransferAmount).HasPrecision(12, 2);
        builder.Ignore(challenge => challenge.PrizePool);
        builder.Ignore(challenge => challenge.FundingShortfall);
        builder.Ignore(challenge => challenge.IsPrizeFunded);
        builder.Ignore(challenge => challenge.AcceptsPrizeTransfer);
        builder.Ignore(challenge => challenge.AwaitsFundsReturn);
        builder.Property(challenge => challenge.RunnerUpPool).HasPrecision(12, 2);
        builder.Property(challenge => challenge.RunnerUpRule).HasConversion<string>().HasMaxLength(24);
        builder.Ignore(challenge => challenge.HasRunnerUpPool);

        // Full-text search in English and French, weighted title > summary > brief, kept up to date by PostgreSQL.
        builder.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql(SearchVectorSql, stored: true);
        builder.HasIndex(SearchVector).HasMethod("GIN");

        builder.HasMany(challenge => challenge.Assets).WithOne().HasForeignKey(asset => asset.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(challenge => challenge.Assets).HasField("_assets").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        // The deadline job's query, and the automatic award's.
        builder.HasIndex(challenge => new { challenge.Status, challenge.SubmissionDeadline });
        builder.HasIndex(challenge => new { challenge.Status, challenge.JudgingDeadline });
    }
}

internal sealed class ChallengeAssetConfiguration : IEntityTypeConfiguration<ChallengeAsset>
{
    public void Configure(EntityTypeBuilder<ChallengeAsset> builder)
    {
        builder.ToTable("ChallengeAssets");
        builder.HasKey(asset => asset.Id);
        builder.Property(asset => asset.Id).ValueGeneratedNever();
        builder.Property(asset => asset.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(asset => asset.FileId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(asset => asset.FileName).HasMaxLength(StoredFile.FileNameMaximumLength).IsRequired();
        builder.Property(asset => asset.ContentType).HasMaxLength(100).IsRequired();
    }
}
