using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Files;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class BrandConfiguration : IEntityTypeConfiguration<Brand>
{
    public void Configure(EntityTypeBuilder<Brand> builder)
    {
        builder.ToTable("Brands");
        builder.HasKey(brand => brand.Id);
        builder.Property(brand => brand.Id).HasConversion(id => id.Value, value => new BrandId(value)).ValueGeneratedNever();
        builder.Property(brand => brand.Name).HasMaxLength(Brand.NameMaximumLength).IsRequired();
        builder.Property(brand => brand.Slug).HasMaxLength(Domain.Common.Slug.MaximumLength).IsRequired();
        builder.HasIndex(brand => brand.Slug).IsUnique();
        builder.Property(brand => brand.Description).HasMaxLength(Brand.DescriptionMaximumLength).IsRequired();
        builder.Property(brand => brand.Website).HasMaxLength(Brand.WebsiteMaximumLength);
        builder.HasOne<StoredFile>().WithMany().HasForeignKey(brand => brand.LogoFileId).OnDelete(DeleteBehavior.SetNull);

        builder.HasMany(brand => brand.Members).WithOne().HasForeignKey(member => member.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(brand => brand.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class BrandMemberConfiguration : IEntityTypeConfiguration<BrandMember>
{
    public void Configure(EntityTypeBuilder<BrandMember> builder)
    {
        builder.ToTable("BrandMembers");
        builder.HasKey(member => new { member.BrandId, member.UserId });
        builder.Property(member => member.BrandId).HasConversion(id => id.Value, value => new BrandId(value));
        builder.Property(member => member.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(member => member.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(member => member.UserId);
    }
}

internal sealed class BrandInvitationConfiguration : IEntityTypeConfiguration<BrandInvitation>
{
    public void Configure(EntityTypeBuilder<BrandInvitation> builder)
    {
        builder.ToTable("BrandInvitations");
        builder.HasKey(invitation => invitation.Id);
        builder.Property(invitation => invitation.Id).ValueGeneratedNever();
        builder.Property(invitation => invitation.BrandId).HasConversion(id => id.Value, value => new BrandId(value));
        builder.HasOne<Brand>().WithMany().HasForeignKey(invitation => invitation.BrandId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(invitation => invitation.Email).HasMaxLength(CrowdsourceUser.EmailMaximumLength).IsRequired();
        builder.Property(invitation => invitation.Role).HasConversion<string>().HasMaxLength(16);
        builder.Property(invitation => invitation.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(invitation => invitation.TokenHash).IsUnique();
        builder.Property(invitation => invitation.InvitedByUserId).IsRequired();
        builder.HasIndex(invitation => new { invitation.BrandId, invitation.Email });
    }
}
