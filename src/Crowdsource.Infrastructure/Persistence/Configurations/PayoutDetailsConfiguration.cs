using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Payouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class PayoutDetailsConfiguration : IEntityTypeConfiguration<PayoutDetails>
{
    public void Configure(EntityTypeBuilder<PayoutDetails> builder)
    {
        builder.ToTable("PayoutDetails");
        builder.HasKey(details => details.UserId);
        builder.HasOne<CrowdsourceUser>().WithOne().HasForeignKey<PayoutDetails>(details => details.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(details => details.Method).HasConversion<string>().HasMaxLength(32);
        // Data Protection's output for an account of at most a few hundred characters stays well within this.
        builder.Property(details => details.ProtectedAccount).HasMaxLength(2000).IsRequired();
        builder.Property(details => details.Masked).HasMaxLength(300).IsRequired();
    }
}
