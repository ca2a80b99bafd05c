using Crowdsource.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class OutgoingEmailConfiguration : IEntityTypeConfiguration<OutgoingEmail>
{
    public void Configure(EntityTypeBuilder<OutgoingEmail> builder)
    {
        builder.ToTable("OutgoingEmails");
        builder.HasKey(email => email.Id);
        builder.Property(email => email.Id).ValueGeneratedNever();
        builder.Property(email => email.ToAddress).HasMaxLength(320).IsRequired();
        builder.Property(email => email.ToName).HasMaxLength(200);
        builder.Property(email => email.Subject).HasMaxLength(OutgoingEmail.MaximumSubjectLength).IsRequired();
        builder.Property(email => email.TextBody).IsRequired();
        builder.Property(email => email.HtmlBody).IsRequired();
        builder.Property(email => email.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(email => email.LastError).HasMaxLength(2000);
        builder.Property(email => email.Kind).HasMaxLength(OutgoingEmail.MaximumKindLength);

        // A sender records an outcome only while its lease holds: if the lease ran out and another sender took the
        // message, the late write fails instead of overwriting the other's.
        builder.Property(email => email.LeaseToken).IsConcurrencyToken();

        // The sender's query: what is due, oldest first.
        builder.HasIndex(email => new { email.Status, email.NextAttemptAt });

        // The cap on account e-mails: how many of one kind went to one address lately.
        builder.HasIndex(email => new { email.ToAddress, email.Kind, email.CreatedAt });
    }
}
