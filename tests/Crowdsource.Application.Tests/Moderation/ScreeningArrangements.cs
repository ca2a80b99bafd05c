using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Moderation;

/// <summary>Entries waiting for screening, for the moderation tests.</summary>
internal static class ScreeningArrangements
{
    /// <summary>A new creative's entry in <paramref name="challenge"/>, with one image (<paramref name="seed"/> chooses its bytes).</summary>
    public static async Task<(EntryId Entry, Actor Creative)> EntryAsync(this ApplicationFixture fixture, ChallengeId challenge, Guid licence,
        int seed = 1, Actor? creative = null, string title = "Paper wrapper")
    {
        creative ??= await fixture.ConfirmedAsync(Roles.Creative);
        var id = await fixture.SendAsync(sender => sender.Send(new SubmitEntry.Command(challenge, Guid.NewGuid(), title, null,
            [Uploads.Of("front.png", TestFiles.Png(seed: seed))], licence, AcceptLicence: true, DeclareOriginal: true)), creative);
        return (id, creative);
    }

    public static Task<Entry> LoadEntryAsync(this ApplicationFixture fixture, EntryId id) =>
        fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(entry => entry.Id == id));

    public static Task<string> EmailOfAsync(this ApplicationFixture fixture, Actor actor) =>
        fixture.DbAsync(db => db.Users.Where(user => user.Id == actor.UserId).Select(user => user.Email!).SingleAsync());
}
