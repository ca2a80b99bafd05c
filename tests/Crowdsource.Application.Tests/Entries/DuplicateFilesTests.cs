using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.TestSupport;

namespace Crowdsource.Application.Tests.Entries;

public sealed class DuplicateFilesTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_same_file_from_two_accounts_flags_both_entries_for_moderators_but_not_one_creative_s_own_repeats()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var copied = TestFiles.Png(seed: 21);
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var copier = await fixture.ConfirmedAsync(Roles.Creative);
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        SubmitEntry.Command Entry(string title, byte[] file) =>
            new(challenge, Guid.NewGuid(), title, null, [Uploads.Of("work.png", file)], licence, true, true);

        var original = await fixture.SendAsync(sender => sender.Send(Entry("Original", copied)), chloe);
        var again = await fixture.SendAsync(sender => sender.Send(Entry("Original, again", copied)), chloe);
        var copy = await fixture.SendAsync(sender => sender.Send(Entry("Copy", copied)), copier);
        var honest = await fixture.SendAsync(sender => sender.Send(Entry("Honest", TestFiles.Png(seed: 22))), copier);

        var rows = (await fixture.SendAsync(sender => sender.Send(new ListChallengeEntries.Query(challenge)), moderator)).Rows.ToDictionary(row => row.Id);

        Assert.Equal([copy], rows[original].SharesFilesWith);
        Assert.Equal([copy], rows[again].SharesFilesWith);
        Assert.Equal(new[] { original, again }.OrderBy(id => id.Value), rows[copy].SharesFilesWith.OrderBy(id => id.Value));
        Assert.Empty(rows[honest].SharesFilesWith);
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new ListChallengeEntries.Query(challenge)), chloe));
    }
}
