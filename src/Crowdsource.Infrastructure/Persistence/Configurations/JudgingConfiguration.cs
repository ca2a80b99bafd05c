using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Offers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class ChallengeJudgeConfiguration : IEntityTypeConfiguration<ChallengeJudge>
{
    public void Configure(EntityTypeBuilder<ChallengeJudge> builder)
    {
        builder.ToTable("ChallengeJudges");
        builder.HasKey(judge => new { judge.ChallengeId, judge.JudgeUserId });
        builder.Property(judge => judge.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(judge => judge.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(judge => judge.JudgeUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(judge => judge.AssignedByUserId).IsRequired();
        builder.HasIndex(judge => judge.JudgeUserId);
    }
}

internal sealed class ScorecardConfiguration : IEntityTypeConfiguration<Scorecard>
{
    public void Configure(EntityTypeBuilder<Scorecard> builder)
    {
        builder.ToTable("Scorecards");
        builder.HasKey(card => card.Id);
        builder.Property(card => card.Id).ValueGeneratedNever();
        builder.Property(card => card.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(card => card.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(card => card.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entry>().WithMany().HasForeignKey(card => card.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(card => card.JudgeUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(card => new { card.EntryId, card.JudgeUserId }).IsUnique(); // one scorecard per judge and entry
        builder.HasIndex(card => card.ChallengeId);
        builder.Property(card => card.OverallComment).HasMaxLength(Scorecard.OverallCommentMaximumLength);
        builder.Property(card => card.Version).IsRowVersion();
        builder.OwnsMany(card => card.Scores, scores => scores.ToJson("Scores"));
        builder.Navigation(card => card.Scores).HasField("_scores").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> builder)
    {
        builder.ToTable("Awards");
        builder.HasKey(award => award.Id);
        builder.Property(award => award.Id).ValueGeneratedNever();
        builder.Property(award => award.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(award => award.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(award => award.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entry>().WithMany().HasForeignKey(award => award.EntryId).OnDelete(DeleteBehavior.Restrict);
        // One award per tier: even two automatic-award jobs racing cannot give a prize twice.
        builder.HasIndex(award => new { award.ChallengeId, award.Rank }).IsUnique();
        builder.HasIndex(award => award.EntryId);
        builder.Property(award => award.Amount).HasPrecision(12, 2);
        builder.Property(award => award.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(award => award.Method).HasConversion<string>().HasMaxLength(16);
        builder.Property(award => award.PaymentReference).HasMaxLength(Award.PaymentReferenceMaximumLength);
        builder.Property(award => award.Version).IsRowVersion();
        builder.Ignore(award => award.IsPaid);
        builder.Ignore(award => award.IsPeoplesChoice);
        builder.Ignore(award => award.Prize);
    }
}

internal sealed class RunnerUpRewardConfiguration : IEntityTypeConfiguration<RunnerUpReward>
{
    public void Configure(EntityTypeBuilder<RunnerUpReward> builder)
    {
        builder.ToTable("RunnerUpRewards");
        builder.HasKey(reward => reward.Id);
        builder.Property(reward => reward.Id).ValueGeneratedNever();
        builder.Property(reward => reward.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(reward => reward.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(reward => reward.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entry>().WithMany().HasForeignKey(reward => reward.EntryId).OnDelete(DeleteBehavior.Restrict);
        // One reward per entry and per place: two announcements racing cannot share the pool twice.
        builder.HasIndex(reward => reward.EntryId).IsUnique();
        builder.HasIndex(reward => new { reward.ChallengeId, reward.Place }).IsUnique();
        builder.Property(reward => reward.Amount).HasPrecision(12, 2);
        builder.Property(reward => reward.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(reward => reward.PaymentReference).HasMaxLength(PaymentReference.MaximumLength);
        builder.Property(reward => reward.Version).IsRowVersion();
        builder.Ignore(reward => reward.IsPaid);
        builder.Ignore(reward => reward.Reward);
    }
}

/// <summary>Grants are records: the migration adds a trigger that refuses changes.</summary>
internal sealed class LicenceGrantConfiguration : IEntityTypeConfiguration<LicenceGrant>
{
    public void Configure(EntityTypeBuilder<LicenceGrant> builder)
    {
        // A grant comes from exactly one source: a paid award (with the entry's licence acceptance) or a paid offer.
        builder.ToTable("LicenceGrants", table => table.HasCheckConstraint("CK_LicenceGrants_OneSource",
            // Exactly one source: an award or a runner-up reward (under the licence accepted with the entry), or an offer (its own).
            "num_nonnulls(\"AwardId\", \"RunnerUpRewardId\", \"OfferId\") = 1 AND (\"OfferId\" IS NOT NULL OR \"LicenceAcceptanceId\" IS NOT NULL)"));
        builder.HasKey(grant => grant.Id);
        builder.Property(grant => grant.Id).ValueGeneratedNever();
        builder.Property(grant => grant.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(grant => grant.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.Property(grant => grant.BrandId).HasConversion(id => id.Value, value => new BrandId(value));
        builder.HasOne<Award>().WithOne().HasForeignKey<LicenceGrant>(grant => grant.AwardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EntryOffer>().WithOne().HasForeignKey<LicenceGrant>(grant => grant.OfferId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RunnerUpReward>().WithOne().HasForeignKey<LicenceGrant>(grant => grant.RunnerUpRewardId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entry>().WithMany().HasForeignKey(grant => grant.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Brand>().WithMany().HasForeignKey(grant => grant.BrandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LicenceAcceptance>().WithMany().HasForeignKey(grant => grant.LicenceAcceptanceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LicenceVersion>().WithMany().HasForeignKey(grant => grant.LicenceVersionId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(grant => grant.CreativeUserId).IsRequired();
        builder.Property(grant => grant.LicenceTextSha256).HasMaxLength(64).IsFixedLength().IsRequired();
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> builder)
    {
        builder.ToTable("Votes");
        builder.HasKey(vote => new { vote.ChallengeId, vote.VoterUserId }); // one vote per account and challenge
        builder.Property(vote => vote.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.Property(vote => vote.EntryId).HasConversion(id => id.Value, value => new EntryId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(vote => vote.ChallengeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Entry>().WithMany().HasForeignKey(vote => vote.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(vote => vote.VoterUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(vote => vote.EntryId);
    }
}
