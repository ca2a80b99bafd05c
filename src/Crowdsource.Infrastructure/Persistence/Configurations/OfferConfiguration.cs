using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class EntryOfferConfiguration : IEntityTypeConfiguration<EntryOffer>
{
    public void Configure(EntityTypeBuilder<EntryOffer> builder)
    {
        builder.ToTable("EntryOffers");
        builder.HasKey(offer => offer.Id);
        builder.Property(offer => offer.Id).ValueGeneratedNever();
        builder.Property(offer => offer.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(offer => offer.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.Property(offer => offer.BrandId).HasConversion(id => id.Value, value => new BrandId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(offer => offer.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entry>().WithMany().HasForeignKey(offer => offer.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Brand>().WithMany().HasForeignKey(offer => offer.BrandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LicenceVersion>().WithMany().HasForeignKey(offer => offer.LicenceVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(offer => offer.CreativeUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(offer => offer.CreativeUserId).HasMaxLength(450).IsRequired();
        builder.Property(offer => offer.MadeByUserId).HasMaxLength(450).IsRequired();
        builder.Property(offer => offer.Amount).HasPrecision(12, 2);
        builder.Property(offer => offer.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(offer => offer.Message).HasMaxLength(EntryOffer.MessageMaximumLength).IsRequired();
        builder.Property(offer => offer.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(offer => offer.AcceptedLicenceTextSha256).HasMaxLength(64).IsFixedLength();
        builder.Property(offer => offer.AcceptedFromIpAddress).HasMaxLength(64);
        builder.Property(offer => offer.AcceptedWithUserAgent).HasMaxLength(512);
        builder.Property(offer => offer.PaymentReference).HasMaxLength(PaymentReference.MaximumLength);
        builder.Property(offer => offer.Version).IsRowVersion();
        builder.Ignore(offer => offer.Price);
        builder.Ignore(offer => offer.IsPaid);
        builder.HasIndex(offer => new { offer.ChallengeId, offer.MadeAt });
        builder.HasIndex(offer => new { offer.CreativeUserId, offer.MadeAt });
        builder.HasIndex(offer => new { offer.Status, offer.PaidAt }); // the admins' accepted offers to pay

        // At most one offer waits for an answer per entry, and at most one is ever accepted: a form sent twice, or two
        // owners at once, make one.
        builder.HasIndex(offer => offer.EntryId, "IX_EntryOffers_OnePendingPerEntry")
            .IsUnique().HasFilter("\"Status\" = 'Pending'");
        builder.HasIndex(offer => offer.EntryId, "IX_EntryOffers_OneAcceptedPerEntry")
            .IsUnique().HasFilter("\"Status\" = 'Accepted'");
    }
}
