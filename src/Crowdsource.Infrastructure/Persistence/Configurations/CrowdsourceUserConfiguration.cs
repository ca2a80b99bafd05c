using Crowdsource.Application.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class CrowdsourceUserConfiguration : IEntityTypeConfiguration<CrowdsourceUser>
{
    public void Configure(EntityTypeBuilder<CrowdsourceUser> builder)
    {
        builder.Property(user => user.DisplayName).HasMaxLength(CrowdsourceUser.DisplayNameMaximumLength).IsRequired();
        builder.HasOne<Domain.Files.StoredFile>().WithMany().HasForeignKey(user => user.AvatarFileId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(user => user.Bio).HasMaxLength(CrowdsourceUser.BioMaximumLength);
        builder.Property(user => user.PreferredCulture).HasMaxLength(8).IsRequired();
        builder.Property(user => user.CreatedAt).IsRequired();
        builder.HasIndex(user => user.CreatedAt);
    }
}
