using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using static Crowdsource.Domain.Tests.Challenges.ChallengeBuilder;

namespace Crowdsource.Domain.Tests.Challenges;

/// <summary>Once published, the promises made to creatives can only improve.</summary>
public sealed class PublishedChallengeRulesTests
{
    [Fact]
    public void The_deadline_may_be_extended()
    {
        var challenge = Published();

        challenge.SetSchedule(challenge.SubmissionOpensAt, Now.AddDays(28), Now.AddDays(40), Now.AddDays(3));

        Assert.Equal(Now.AddDays(28), challenge.SubmissionDeadline);
        Assert.Equal(Now.AddDays(40), challenge.JudgingDeadline);
    }

    [Fact]
    public void The_deadline_may_never_be_brought_forward()
    {
        var challenge = Published();

        var error = Assert.Throws<DomainRuleException>(() =>
            challenge.SetSchedule(challenge.SubmissionOpensAt, Now.AddDays(20), challenge.JudgingDeadline, Now.AddDays(3)));

        Assert.Equal("challenge.deadline-shortened", error.Code);
        Assert.Equal(Now.AddDays(21), challenge.SubmissionDeadline);
    }

    [Fact]
    public void The_judging_deadline_may_never_be_brought_forward()
    {
        var challenge = Published();

        Assert.Equal("challenge.judging-shortened", Assert.Throws<DomainRuleException>(() =>
            challenge.SetSchedule(challenge.SubmissionOpensAt, challenge.SubmissionDeadline, Now.AddDays(30), Now.AddDays(3))).Code);
    }

    [Fact]
    public void The_opening_date_cannot_move_once_the_challenge_is_open()
    {
        var challenge = Published(opensAt: Now);

        Assert.Equal("challenge.opening-fixed", Assert.Throws<DomainRuleException>(() =>
            challenge.SetSchedule(Now.AddDays(1), challenge.SubmissionDeadline, challenge.JudgingDeadline, Now.AddHours(2))).Code);
    }

    [Fact]
    public void Prizes_may_rise_and_new_tiers_may_be_added()
    {
        var challenge = Published();

        challenge.SetPrizeTiers([PrizeTier.Create(1, 7500m, "EUR"), PrizeTier.Create(2, 1500m, "EUR"), PrizeTier.Create(3, 500m, "EUR")], Now);

        Assert.Equal(9500m, challenge.TotalPrize);
    }

    [Fact]
    public void Prizes_may_never_fall_nor_disappear_nor_change_currency()
    {
        var challenge = Published();

        Assert.Equal("challenge.prize-lowered", Assert.Throws<DomainRuleException>(() =>
            challenge.SetPrizeTiers([PrizeTier.Create(1, 4999.99m, "EUR"), PrizeTier.Create(2, 1500m, "EUR")], Now)).Code);
        Assert.Throws<DomainRuleException>(() => challenge.SetPrizeTiers([PrizeTier.Create(1, 5000m, "EUR")], Now));
        Assert.Throws<DomainRuleException>(() =>
            challenge.SetPrizeTiers([PrizeTier.Create(1, 5000m, "USD"), PrizeTier.Create(2, 1500m, "USD")], Now));
        Assert.Equal(6500m, challenge.TotalPrize);
    }

    [Fact]
    public void The_licence_never_changes_once_the_challenge_left_the_draft()
    {
        var challenge = Published();

        Assert.Equal("challenge.licence-frozen", Assert.Throws<DomainRuleException>(() => challenge.ChooseLicence(Guid.NewGuid(), Now)).Code);
        Assert.Equal(Licence, challenge.LicenceVersionId);
    }

    [Fact]
    public void Criteria_may_change_before_the_first_entry_but_must_still_weigh_100()
    {
        var challenge = Published();

        challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 70), JudgingCriterion.Create("Feasibility", null, 30)], hasEntries: false, Now);
        Assert.Equal(70, challenge.Criteria[0].Weight);

        Assert.Equal("challenge.weights", Assert.Throws<DomainRuleException>(() =>
            challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 70)], hasEntries: false, Now)).Code);
    }

    [Fact]
    public void Criteria_never_change_after_the_first_entry()
    {
        var challenge = Published();

        Assert.Equal("challenge.criteria-frozen", Assert.Throws<DomainRuleException>(() =>
            challenge.SetCriteria([JudgingCriterion.Create("Originality", null, 100)], hasEntries: true, Now)).Code);
        Assert.Equal(2, challenge.Criteria.Count);
    }

    [Fact]
    public void A_published_challenge_can_open_to_more_creatives_but_never_fewer()
    {
        var challenge = Published();

        Assert.Equal("challenge.audience-narrowed", Assert.Throws<DomainRuleException>(() =>
            challenge.SetAudience(ChallengeVisibility.InviteOnly, ["a@example.com"], 3, Now)).Code);
        Assert.Equal("challenge.entry-limit-lowered", Assert.Throws<DomainRuleException>(() =>
            challenge.SetAudience(ChallengeVisibility.Public, [], 2, Now)).Code);

        challenge.SetAudience(ChallengeVisibility.Public, [], 5, Now);
        Assert.Equal(5, challenge.MaximumEntriesPerCreative);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-10)]
    [InlineData(10_000_000.01)]
    [InlineData(12.345)]
    public void Absurd_prize_amounts_are_refused(decimal amount)
    {
        Assert.Equal("money.invalid-amount", Assert.Throws<DomainRuleException>(() => PrizeTier.Create(1, amount, "EUR")).Code);
    }

    [Theory]
    [InlineData("XYZ")]
    [InlineData("eur")]
    [InlineData("EURO")]
    public void Unknown_currencies_are_refused(string currency)
    {
        Assert.Equal("money.unknown-currency", Assert.Throws<DomainRuleException>(() => PrizeTier.Create(1, 100m, currency)).Code);
    }

    [Fact]
    public void Prize_ranks_must_follow_each_other_from_one()
    {
        var draft = CompleteDraft();

        Assert.Equal("challenge.invalid-ranks", Assert.Throws<DomainRuleException>(() =>
            draft.SetPrizeTiers([PrizeTier.Create(1, 100m, "EUR"), PrizeTier.Create(3, 50m, "EUR")], Now)).Code);
    }
}
