using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Files;
using static Crowdsource.Domain.Tests.Challenges.ChallengeBuilder;

namespace Crowdsource.Domain.Tests.Challenges;

public sealed class AssetsAndQuestionsTests
{
    private static StoredFile Pdf(string name = "guide.pdf") =>
        StoredFile.Create(Guid.NewGuid(), name, "application/pdf", 1234, new string('a', 64), "brand-user", Now);

    [Fact]
    public void Files_for_creatives_can_be_added_and_removed_until_judging_starts()
    {
        var challenge = Published(opensAt: Now.AddHours(1));
        var guide = challenge.AddAsset(Pdf(), maximumAssets: 5, Now);
        challenge.AdvanceWithTime(Now.AddDays(2));
        challenge.AddAsset(Pdf("photos.pdf"), maximumAssets: 5, Now.AddDays(2));
        challenge.RemoveAsset(guide.Id, Now.AddDays(3));

        challenge.AdvanceWithTime(Now.AddDays(22));
        var locked = Assert.Throws<DomainRuleException>(() => challenge.AddAsset(Pdf("late.pdf"), maximumAssets: 5, Now.AddDays(22)));

        Assert.Equal("challenge.wrong-status", locked.Code);
        Assert.Equal(["photos.pdf"], challenge.Assets.Select(asset => asset.FileName));
    }

    [Fact]
    public void A_challenge_refuses_files_beyond_its_limit_and_removing_an_unknown_file_is_a_rule_error()
    {
        var challenge = CompleteDraft();
        challenge.AddAsset(Pdf("one.pdf"), maximumAssets: 1, Now);

        Assert.Equal("challenge.too-many-assets", Assert.Throws<DomainRuleException>(() => challenge.AddAsset(Pdf("two.pdf"), maximumAssets: 1, Now)).Code);
        Assert.Equal("challenge.asset-missing", Assert.Throws<DomainRuleException>(() => challenge.RemoveAsset(Guid.NewGuid(), Now)).Code);
    }

    [Fact]
    public void Questions_are_taken_on_a_published_challenge_until_its_deadline()
    {
        var draft = CompleteDraft();
        var published = Published();

        Assert.Equal("question.closed", Assert.Throws<DomainRuleException>(() => ChallengeQuestion.Ask(draft, "creative", "Hello?", Now)).Code);
        var asked = ChallengeQuestion.Ask(published, "creative", "  Which sizes?  ", Now.AddDays(20));
        Assert.Equal("Which sizes?", asked.Text);
        Assert.Equal("question.closed",
            Assert.Throws<DomainRuleException>(() => ChallengeQuestion.Ask(published, "creative", "Too late?", published.SubmissionDeadline!.Value)).Code);
    }

    [Fact]
    public void An_answer_can_be_kept_private_and_corrected()
    {
        var question = ChallengeQuestion.Ask(Published(), "creative", "May I reuse my own photos?", Now);

        question.Reply("Yes.", keepPrivate: true, "brand-user", Now.AddHours(1));
        question.Reply("Yes, if you own all the rights to them.", keepPrivate: false, "brand-user", Now.AddHours(2));

        Assert.Equal(("Yes, if you own all the rights to them.", false, Now.AddHours(2)), (question.Answer, question.IsPrivate, question.AnsweredAt));
        Assert.Equal("question.invalid-text", Assert.Throws<DomainRuleException>(() => question.Reply("   ", false, "brand-user", Now)).Code);
        Assert.Equal("question.invalid-text",
            Assert.Throws<DomainRuleException>(() => question.Reply(new string('x', ChallengeQuestion.AnswerMaximumLength + 1), false, "brand-user", Now)).Code);
    }
}
