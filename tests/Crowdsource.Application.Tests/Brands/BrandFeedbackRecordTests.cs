using Crowdsource.Application.Brands;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Tests.Support;

namespace Crowdsource.Application.Tests.Brands;

/// <summary>How often a brand gave feedback during its contests (part of its fairness record): computed from its ratings, never typed in.</summary>
public sealed class BrandFeedbackRecordTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_brand_with_no_finished_challenge_has_no_history()
    {
        var (brand, _) = await fixture.BrandWithOwnerAsync();

        var record = (await fixture.SendAsync(sender => sender.Send(new BrandFairnessRecord.Query(brand)))).Feedback;

        Assert.False(record.HasHistory);
        Assert.Null(record.Share);
    }

    [Fact]
    public async Task The_record_counts_approved_entries_rated_before_the_deadline_of_finished_challenges()
    {
        var finished = await fixture.FinishedAsync(creatives: 3, beforeJudging: async open =>
        {
            await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(open.Entries[0].Entry, 4, null)), open.Owner);
            await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(open.Entries[0].Entry, 5, "Again")), open.Owner);
            await fixture.SendAsync(sender => sender.Send(new RateEntry.Command(open.Entries[2].Entry, 2, null)), open.Owner);
        });
        var brand = (await fixture.LoadAsync(finished.Challenge)).BrandId;

        var record = (await fixture.SendAsync(sender => sender.Send(new BrandFairnessRecord.Query(brand)))).Feedback;

        Assert.Equal(new BrandFeedbackRecord.Record(1, 3, 2), record);
        Assert.Equal(2m / 3m, record.Share);
    }
}
