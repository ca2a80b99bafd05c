using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> builder)
    {
        builder.ToTable("SavedSearches");
        builder.HasKey(search => search.Id);
        builder.Property(search => search.Id).ValueGeneratedNever();
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(search => search.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(search => search.Name).HasMaxLength(SavedSearch.NameMaximumLength).IsRequired();
        builder.Property(search => search.Text).HasMaxLength(SavedSearch.TextMaximumLength);
        builder.Property(search => search.Brand).HasMaxLength(SavedSearch.BrandMaximumLength);
        builder.Property(search => search.Category).HasConversion<string>().HasMaxLength(32);
        builder.Property(search => search.MinimumPrize).HasPrecision(12, 2);
        builder.Property(search => search.MaximumPrize).HasPrecision(12, 2);

        builder.HasIndex(search => new { search.UserId, search.CreatedAt });
        // The clock's two jobs: searches behind the newest publication; digests due.
        builder.HasIndex(search => search.NotifiedUpTo);
        builder.HasIndex(search => search.DigestedUpTo).HasFilter("\"EmailDigest\"");
    }
}
