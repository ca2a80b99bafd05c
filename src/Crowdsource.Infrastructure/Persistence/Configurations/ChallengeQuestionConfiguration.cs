using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

internal sealed class ChallengeQuestionConfiguration : IEntityTypeConfiguration<ChallengeQuestion>
{
    public void Configure(EntityTypeBuilder<ChallengeQuestion> builder)
    {
        builder.ToTable("ChallengeQuestions");
        builder.HasKey(question => question.Id);
        builder.Property(question => question.Id).ValueGeneratedNever();
        builder.Property(question => question.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(question => question.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(question => question.AskedByUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(question => question.Text).HasMaxLength(ChallengeQuestion.TextMaximumLength).IsRequired();
        builder.Property(question => question.Answer).HasMaxLength(ChallengeQuestion.AnswerMaximumLength);
        builder.HasIndex(question => new { question.ChallengeId, question.AskedAt });
        builder.Ignore(question => question.IsAnswered);
    }
}

internal sealed class ChallengeFollowerConfiguration : IEntityTypeConfiguration<ChallengeFollower>
{
    public void Configure(EntityTypeBuilder<ChallengeFollower> builder)
    {
        builder.ToTable("ChallengeFollowers");
        builder.HasKey(follower => new { follower.ChallengeId, follower.UserId });
        builder.Property(follower => follower.ChallengeId).HasConversion(id => id.Value, value => new ChallengeId(value));
        builder.HasOne<Challenge>().WithMany().HasForeignKey(follower => follower.ChallengeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CrowdsourceUser>().WithMany().HasForeignKey(follower => follower.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(follower => follower.UserId);
    }
}
