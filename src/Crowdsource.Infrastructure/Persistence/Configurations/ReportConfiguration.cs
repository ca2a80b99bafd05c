using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.ToTable("Reports");
        builder.HasKey(report => report.Id);
        builder.Property(report => report.Id).ValueGeneratedNever();
        builder.Property(report => report.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(report => report.EntryId).HasConversion(id => id!.Value.Value, value => new EntryId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(report => report.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entry>().WithMany().HasForeignKey(report => report.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(report => report.ReporterUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(report => report.Reason).HasConversion<string>().HasMaxLength(16);
        builder.Property(report => report.Text).HasMaxLength(Report.TextMaximumLength).IsRequired();
        builder.Property(report => report.Resolution).HasMaxLength(Report.ResolutionMaximumLength);
        builder.Property(report => report.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Ignore(report => report.IsOpen);
        builder.HasIndex(report => report.CreatedAt).HasFilter("\"ResolvedAt\" IS NULL"); // the open reports, oldest first
        builder.HasIndex(report => report.EntryId);
    }
}
