using Crowdsource.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(audit => audit.Id);
        builder.Property(audit => audit.Id).ValueGeneratedNever();
        builder.Property(audit => audit.SubjectType).HasMaxLength(32).IsRequired();
        builder.Property(audit => audit.Action).HasMaxLength(64).IsRequired();
        builder.Property(audit => audit.Details).HasMaxLength(4000).IsRequired();
        builder.HasIndex(audit => new { audit.SubjectType, audit.SubjectId, audit.OccurredAt });
    }
}
