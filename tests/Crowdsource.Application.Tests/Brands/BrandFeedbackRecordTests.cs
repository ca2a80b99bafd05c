using Crowdsource.Application.Brands;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;

namespace Crowdsource.Application.Tests.Brands;

/// <summary>How often a brand gave feedback during its earlier contests: computed from its ratings, never typed in.</summary>
public sealed class BrandFeedbackRecordTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_brand_with_no_finished_challenge_has_no_history()
    {
        var (brand, _) = await fixture.BrandWithOwnerAsync();

        var record = await fixture.SendAsync(sender => sender.Send(new BrandFeedbackRecord.Query(brand)));

        Assert.False(record.HasHistory);
        Assert.Null(record.Share);
    }

    [Fact]
    public async Task The_record_counts_approved_entries_rated_before_the_deadline_of_finished_challenges_and_leaves_out_the_one_being_read()
    {
        var finished = await fixture.FinishedAsync(creatives: 3, beforeJudging: async open =>
        {
            await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(open.Entries[0].Entry, 4, null)), open.Owner);
            await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(open.Entries[0].Entry, 5, "Again")), open.Owner);
            await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(open.Entries[2].Entry, 2, null)), open.Owner);
        });
        var brand = (await fixture.LoadAsync(finished.Challenge)).BrandId;

        var record = await fixture.SendAsync(sender => sender.Send(new BrandFeedbackRecord.Query(brand)));
        var withoutIt = await fixture.SendAsync(sender => sender.Send(new BrandFeedbackRecord.Query(brand, finished.Challenge)));

        Assert.Equal(new BrandFeedbackRecord.Record(1, 3, 2), record);
        Assert.Equal(2m / 3m, record.Share);
        Assert.False(withoutIt.HasHistory);
    }
}
