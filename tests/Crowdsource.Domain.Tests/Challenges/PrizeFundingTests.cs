using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Funding;
using static Crowdsource.Domain.Tests.Challenges.ChallengeBuilder;

namespace Crowdsource.Domain.Tests.Challenges;

public sealed class PrizeFundingTests
{
    [Fact]
    public void A_challenge_in_review_cannot_be_approved_before_its_pool_is_funded()
    {
        var challenge = CompleteDraft();
        challenge.SubmitForReview(Now);

        Assert.Equal("challenge.not-funded", Assert.Throws<DomainRuleException>(() => challenge.Approve(Now)).Code);
        challenge.RecordPrizeTransfer("SEPA-1", "owner", Now);
        Assert.Equal("challenge.not-funded", Assert.Throws<DomainRuleException>(() => challenge.Approve(Now)).Code);
        Assert.Equal(ChallengeStatus.InReview, challenge.Status);
    }

    [Fact]
    public void The_transfer_covers_what_is_missing_and_its_confirmation_writes_one_ledger_line()
    {
        var challenge = CompleteDraft();
        Assert.Equal(6500m, challenge.FundingShortfall);

        var transfer = challenge.RecordPrizeTransfer(" SEPA-1 ", "owner", Now);
        Assert.Equal(new Money(6500m, "EUR"), transfer.Money);
        Assert.Equal("SEPA-1", transfer.Reference);
        Assert.False(challenge.AcceptsPrizeTransfer);
        Assert.Equal("funding.transfer-pending", Assert.Throws<DomainRuleException>(() => challenge.RecordPrizeTransfer("SEPA-2", "owner", Now)).Code);

        var line = challenge.ConfirmPrizeTransfer(transfer, "admin", Now.AddHours(1));

        Assert.Equal((LedgerMovement.PrizeFunded, 6500m, 1, transfer.Id), (line.Movement, line.Amount, line.Direction, line.PrizeTransferId));
        Assert.True(challenge.IsPrizeFunded);
        Assert.Equal(Now.AddHours(1), challenge.PrizeFundedAt);
        Assert.Equal("funding.nothing-to-fund", Assert.Throws<DomainRuleException>(() => challenge.RecordPrizeTransfer("SEPA-3", "owner", Now)).Code);
        Assert.Equal("transfer.decided", Assert.Throws<DomainRuleException>(() => challenge.ConfirmPrizeTransfer(transfer, "admin", Now)).Code);
        Assert.Equal(6500m, challenge.FundedAmount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("line\nbreak")]
    public void A_transfer_needs_a_real_bank_reference(string reference)
    {
        var challenge = CompleteDraft();

        Assert.Equal("payment.reference-required", Assert.Throws<DomainRuleException>(() => challenge.RecordPrizeTransfer(reference, "owner", Now)).Code);
        Assert.True(challenge.AcceptsPrizeTransfer);
    }

    [Fact]
    public void Nothing_to_fund_without_prizes()
    {
        var challenge = Challenge.CreateDraft(new Crowdsource.Domain.Brands.BrandId(Guid.NewGuid()), "Untitled", "owner", Now);

        Assert.False(challenge.AcceptsPrizeTransfer);
        Assert.Equal("funding.nothing-to-fund", Assert.Throws<DomainRuleException>(() => challenge.RecordPrizeTransfer("SEPA-1", "owner", Now)).Code);
    }

    [Fact]
    public void A_refused_transfer_funds_nothing_and_says_why()
    {
        var challenge = CompleteDraft();
        var transfer = challenge.RecordPrizeTransfer("SEPA-1", "owner", Now);

        Assert.Equal("transfer.reason-required", Assert.Throws<DomainRuleException>(() => challenge.RefusePrizeTransfer(transfer, "no", "admin", Now)).Code);
        challenge.RefusePrizeTransfer(transfer, "Nothing arrived with this reference.", "admin", Now);

        Assert.Equal(PrizeTransferStatus.Refused, transfer.Status);
        Assert.Equal(0m, challenge.FundedAmount);
        Assert.True(challenge.AcceptsPrizeTransfer);
    }

    [Fact]
    public void Raising_the_prizes_of_a_published_challenge_asks_for_a_top_up_and_lowering_below_the_money_is_refused()
    {
        var challenge = Published(opensAt: Now);
        Assert.True(challenge.IsPrizeFunded);

        challenge.SetPrizeTiers([PrizeTier.Create(1, 6000m, "EUR"), PrizeTier.Create(2, 1500m, "EUR")], Now);
        Assert.False(challenge.IsPrizeFunded);
        Assert.Equal(1000m, challenge.FundingShortfall);

        var topUp = challenge.RecordPrizeTransfer("SEPA-TOP-UP", "owner", Now);
        Assert.Equal(1000m, topUp.Amount);
        Assert.Equal("funding.transfer-pending",
            Assert.Throws<DomainRuleException>(() => challenge.SetPrizeTiers([PrizeTier.Create(1, 7000m, "EUR"), PrizeTier.Create(2, 1500m, "EUR")], Now)).Code);
        challenge.ConfirmPrizeTransfer(topUp, "admin", Now.AddDays(1));
        Assert.True(challenge.IsPrizeFunded);
        Assert.Equal(Now.AddDays(1), challenge.PrizeFundedAt);
    }

    [Fact]
    public void A_funded_draft_keeps_its_currency_and_never_falls_below_the_money()
    {
        var challenge = CompleteDraft();
        challenge.FundPrizes(Now);

        Assert.Equal("funding.pool-below-funds",
            Assert.Throws<DomainRuleException>(() => challenge.SetPrizeTiers([PrizeTier.Create(1, 5000m, "EUR")], Now)).Code);
        Assert.Equal("funding.pool-below-funds",
            Assert.Throws<DomainRuleException>(() => challenge.SetPrizeTiers([PrizeTier.Create(1, 5000m, "USD"), PrizeTier.Create(2, 1500m, "USD")], Now)).Code);
        Assert.Equal(6500m, challenge.PrizePool);
    }

    [Fact]
    public void Only_a_cancelled_funded_challenge_gets_its_money_back_once()
    {
        var challenge = Published(opensAt: Now);
        Assert.Equal("funding.nothing-to-return", Assert.Throws<DomainRuleException>(() => challenge.ReturnFunds(6500m, "SEPA-BACK", "admin", Now)).Code);

        challenge.Cancel("The product was withdrawn from sale.", hasEntries: false, Now);
        Assert.True(challenge.AwaitsFundsReturn);
        var line = challenge.ReturnFunds(6500m, "SEPA-BACK", "admin", Now);

        Assert.Equal((LedgerMovement.FundsReturned, 6500m, -1), (line.Movement, line.Amount, line.Direction));
        Assert.False(challenge.AwaitsFundsReturn);
        Assert.Throws<DomainRuleException>(() => challenge.ReturnFunds(6500m, "SEPA-AGAIN", "admin", Now));
    }
}
