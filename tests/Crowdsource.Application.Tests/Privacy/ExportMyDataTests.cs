using Crowdsource.Application.Entries;
using Crowdsource.Application.Privacy;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.TestSupport;

namespace Crowdsource.Application.Tests.Privacy;

public sealed class ExportMyDataTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task The_export_holds_the_person_s_own_entries_and_files_and_nobody_else_s()
    {
        var (challenge, _, licence) = await fixture.OpenAsync();
        var chloe = await fixture.ConfirmedAsync(Roles.Creative);
        var other = await fixture.ConfirmedAsync(Roles.Creative);
        await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), "Mine", null,
            [Uploads.Of("mine.png", TestFiles.Png(seed: 71)), Uploads.Of("notes.pdf", TestFiles.Pdf())], licence, true, true)), chloe);
        await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), "Theirs", null,
            [Uploads.Of("theirs.png", TestFiles.Png(seed: 72))], licence, true, true)), other);

        var plan = await fixture.SendAsync(sender => sender.Send(new ExportMyData.Query()), chloe);

        Assert.Contains(plan.Documents, document => document.Path == "profile.json");
        var entryDocuments = plan.Documents.Where(document => document.Path.EndsWith("/entry.json", StringComparison.Ordinal)).ToList();
        Assert.Single(entryDocuments);
        Assert.Equal(["1-mine.png", "2-notes.pdf"], plan.Files.Select(file => file.Path.Split('/')[^1]));
        Assert.Equal(TestFiles.Png(seed: 71), await fixture.StoredBytesAsync(plan.Files[0].FileId));
        Assert.DoesNotContain(plan.Files, file => file.Path.Contains("theirs", StringComparison.Ordinal));
        await Assert.ThrowsAsync<Crowdsource.Application.Common.Exceptions.ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(new ExportMyData.Query())));
    }
}
