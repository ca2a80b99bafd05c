using Crowdsource.Domain.Licensing;
using Crowdsource.Infrastructure.Persistence.Seed;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class LicenceVersionConfiguration : IEntityTypeConfiguration<LicenceVersion>
{
    public void Configure(EntityTypeBuilder<LicenceVersion> builder)
    {
        builder.ToTable("LicenceVersions");
        builder.HasKey(version => version.Id);
        builder.Property(version => version.Id).ValueGeneratedNever();
        builder.Property(version => version.TemplateKey).HasMaxLength(64).IsRequired();
        builder.HasIndex(version => new { version.TemplateKey, version.Version }).IsUnique();
        builder.Property(version => version.Scope).HasConversion<string>().HasMaxLength(32);
        builder.Property(version => version.AppliesTo).HasConversion<string>().HasMaxLength(32);
        builder.Property(version => version.TitleEn).HasMaxLength(200).IsRequired();
        builder.Property(version => version.TitleFr).HasMaxLength(200).IsRequired();
        builder.Property(version => version.Media).HasMaxLength(200).IsRequired();
        builder.Property(version => version.Territory).HasMaxLength(200).IsRequired();
        builder.Property(version => version.Duration).HasMaxLength(200).IsRequired();
        builder.Property(version => version.TextSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(version => version.GrantsRightsForRunnerUps).HasDefaultValue(false);
        builder.HasData(LicenceCatalogue.InitialVersions);
    }
}
