using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class PrizeTransferConfiguration : IEntityTypeConfiguration<PrizeTransfer>
{
    public void Configure(EntityTypeBuilder<PrizeTransfer> builder)
    {
        builder.ToTable("PrizeTransfers");
        builder.HasKey(transfer => transfer.Id);
        builder.Property(transfer => transfer.Id).ValueGeneratedNever();
        builder.Property(transfer => transfer.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(transfer => transfer.BrandId).HasConversion(id => id.Value, value => new BrandId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(transfer => transfer.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Brand>().WithMany().HasForeignKey(transfer => transfer.BrandId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(transfer => transfer.Amount).HasPrecision(12, 2);
        builder.Property(transfer => transfer.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(transfer => transfer.Reference).HasMaxLength(PaymentReference.MaximumLength).IsRequired();
        builder.Property(transfer => transfer.RecordedByUserId).IsRequired();
        builder.Property(transfer => transfer.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(transfer => transfer.RefusalReason).HasMaxLength(PrizeTransfer.RefusalReasonMaximumLength);
        builder.Property(transfer => transfer.Version).IsRowVersion();
        builder.Ignore(transfer => transfer.Money);
        builder.HasIndex(transfer => new { transfer.ChallengeId, transfer.RecordedAt });

        // At most one transfer awaits an admin per challenge, even when the brand posts twice at once.
        builder.HasIndex(transfer => transfer.ChallengeId)
            .HasDatabaseName("IX_PrizeTransfers_OneAwaitingPerChallenge")
            .HasFilter("\"Status\" = 'AwaitingConfirmation'")
            .IsUnique();
    }
}

/// <summary>Ledger lines are records: the migration adds a trigger that refuses changes and deletions.</summary>
internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(line => line.Id);
        builder.Property(line => line.Id).ValueGeneratedNever();
        builder.Property(line => line.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(line => line.BrandId).HasConversion(id => id.Value, value => new BrandId(value));
        builder.Property(line => line.EntryId).HasConversion(id => id!.Value.Value, value => new EntryId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(line => line.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Brand>().WithMany().HasForeignKey(line => line.BrandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PrizeTransfer>().WithMany().HasForeignKey(line => line.PrizeTransferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Award>().WithMany().HasForeignKey(line => line.AwardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RunnerUpReward>().WithMany().HasForeignKey(line => line.RunnerUpRewardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entry>().WithMany().HasForeignKey(line => line.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EntryOffer>().WithMany().HasForeignKey(line => line.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(line => line.Movement).HasConversion<string>().HasMaxLength(24);
        builder.Property(line => line.Amount).HasPrecision(12, 2);
        builder.Property(line => line.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(line => line.Reference).HasMaxLength(PaymentReference.MaximumLength).IsRequired();
        builder.Property(line => line.RecordedByUserId).IsRequired();
        builder.Ignore(line => line.Direction);
        builder.Ignore(line => line.ChangesPool);
        builder.Ignore(line => line.Money);
        builder.HasIndex(line => new { line.ChallengeId, line.RecordedAt });
        builder.HasIndex(line => new { line.BrandId, line.Movement });

        // A transfer enters the pool once, a prize is paid once, a pool is returned once: double posts and two admins
        // at once cannot write a movement twice.
        builder.HasIndex(line => line.PrizeTransferId).IsUnique().HasFilter("\"PrizeTransferId\" IS NOT NULL");
        builder.HasIndex(line => line.AwardId).IsUnique().HasFilter("\"Movement\" = 'PrizePaid'");
        builder.HasIndex(line => line.OfferId).IsUnique().HasFilter("\"OfferId\" IS NOT NULL");
        builder.HasIndex(line => line.RunnerUpRewardId).IsUnique().HasFilter("\"Movement\" = 'RunnerUpPaid'");
        builder.HasIndex(line => line.ChallengeId).HasDatabaseName("IX_LedgerEntries_OneReturnPerChallenge")
            .IsUnique().HasFilter("\"Movement\" = 'FundsReturned'");
    }
}
