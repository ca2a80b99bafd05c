using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("Notifications");
        builder.HasKey(notification => notification.Id);
        builder.Property(notification => notification.Id).ValueGeneratedNever();
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(notification => notification.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(notification => notification.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(notification => notification.Subject).HasMaxLength(Notification.SubjectMaximumLength).IsRequired();
        builder.Property(notification => notification.Link).HasMaxLength(Notification.LinkMaximumLength).IsRequired();
        builder.Ignore(notification => notification.IsRead);
        builder.HasIndex(notification => new { notification.UserId, notification.CreatedAt });
        // The unread count in the header, on every page.
        builder.HasIndex(notification => notification.UserId).HasFilter("\"ReadAt\" IS NULL").HasDatabaseName("IX_Notifications_Unread");
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> builder)
    {
        builder.ToTable("NotificationPreferences");
        builder.HasKey(preference => new { preference.UserId, preference.Kind });
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(preference => preference.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(preference => preference.Kind).HasConversion<string>().HasMaxLength(32);
    }
}
