using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Judging;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Judging;

public sealed class PanelTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private Task<List<string>> PanelAsync(JudgingSetup setup) =>
        fixture.DbAsync(db => db.ChallengeJudges.Where(judge => judge.ChallengeId == setup.Challenge).Select(judge => judge.JudgeUserId).ToListAsync());

    private async Task<string> EmailOfAsync(Actor actor) =>
        await fixture.DbAsync(db => db.Users.Where(user => user.Id == actor.UserId).Select(user => user.Email!).SingleAsync());

    [Fact]
    public async Task A_moderator_joins_the_panel_once_even_when_asking_twice_and_adds_another_moderator_by_address()
    {
        var setup = await fixture.InJudgingAsync(approved: 1);
        var other = await fixture.ConfirmedAsync(Roles.Moderator);

        await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(setup.Challenge)), setup.Judge);
        var address = (await EmailOfAsync(other)).ToUpperInvariant();
        await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(setup.Challenge, address)), setup.Judge);

        Assert.Equivalent(new[] { setup.Judge.UserId, other.UserId }, await PanelAsync(setup));
    }

    [Fact]
    public async Task Only_moderators_join_panels_and_manage_them()
    {
        var setup = await fixture.InJudgingAsync(approved: 1);
        var creative = await fixture.ConfirmedAsync(Roles.Creative);

        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(setup.Challenge)), creative));
        var address = await EmailOfAsync(creative);
        var error = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender =>
            sender.Send(new AssignJudge.Command(setup.Challenge, address)), setup.Judge));
        Assert.Equal(["JudgeEmail"], error.Errors.Keys);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new SetBlindJudging.Command(setup.Challenge, false)), setup.Owner));
        Assert.Equal([setup.Judge.UserId], await PanelAsync(setup));
    }

    [Fact]
    public async Task A_moderator_who_belongs_to_the_brand_cannot_judge_its_challenge()
    {
        var setup = await fixture.InJudgingAsync(approved: 1);
        var insider = await fixture.BrandMemberAsync(setup.Brand, BrandRole.Editor, Roles.Moderator);

        var address = await EmailOfAsync(insider);
        var conflict = await Assert.ThrowsAsync<DomainRuleException>(async () => await fixture.SendAsync(sender =>
            sender.Send(new AssignJudge.Command(setup.Challenge, address)), setup.Judge));
        Assert.Equal("judge.conflict-of-interest", conflict.Code);
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new AssignJudge.Command(setup.Challenge)), insider));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge)), insider));
        Assert.DoesNotContain(insider.UserId, await PanelAsync(setup));
    }

    [Fact]
    public async Task A_judge_leaves_the_panel_and_their_marks_stop_counting_and_blind_judging_can_be_lifted()
    {
        var setup = await fixture.InJudgingAsync(approved: 1);
        await fixture.SendAsync(sender => sender.Send(JudgingScenario.Score(setup.Entries[0], 8, 8)), setup.Judge);

        await fixture.SendAsync(sender => sender.Send(new RemoveJudge.Command(setup.Challenge)), setup.Judge);
        await fixture.SendAsync(sender => sender.Send(new SetBlindJudging.Command(setup.Challenge, false)), setup.Moderator);

        Assert.Empty(await PanelAsync(setup));
        var board = await fixture.SendAsync(sender => sender.Send(new GetJudgingBoard.Query(setup.Challenge)), setup.Moderator);
        var row = Assert.Single(board.Rows);
        Assert.Equal((null, 0, "Test Person"), (row.Score, row.JudgeCount, row.CreativeName));
        Assert.False(board.BlindJudging);
    }
}
