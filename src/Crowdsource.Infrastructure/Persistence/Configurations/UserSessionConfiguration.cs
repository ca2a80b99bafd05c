using Crowdsource.Application.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.HasKey(session => session.Id);
        builder.Property(session => session.Id).HasMaxLength(UserSession.IdLength).ValueGeneratedNever();
        builder.Property(session => session.UserId).IsRequired();
        builder.Property(session => session.Ticket).IsRequired();
        builder.Property(session => session.ClaimsFingerprint).HasMaxLength(UserSession.FingerprintLength).IsRequired();
        builder.Property(session => session.Device).HasMaxLength(UserSession.DeviceMaximumLength);

        // A deleted account takes its sessions with it.
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(session => session.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(session => session.UserId);
        builder.HasIndex(session => session.ExpiresAt);
    }
}
