using System.Globalization;
using Crowdsource.Application.Awards;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Awards;

public sealed class LicenceGrantDocumentTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<FinishedChallenge> PaidFirstPrizeAsync()
    {
        var finished = await fixture.FinishedAsync(creatives: 3);
        var award = finished.Awards.Single(candidate => candidate.Rank == 1);
        await fixture.SendAsync(sender => sender.Send(new MarkAwardPaid.Command(award.Id, award.Version, "SEPA-GRANT-77")), await fixture.ConfirmedAsync(Roles.Admin));
        return finished;
    }

    [Fact]
    public async Task The_creative_gets_a_pdf_with_the_licence_hash_the_file_hashes_the_prize_and_the_payment()
    {
        var finished = await PaidFirstPrizeAsync();
        var (entryId, creative) = finished.Winner(1);
        var entry = await fixture.DbAsync(db => db.Entries.AsNoTracking().SingleAsync(candidate => candidate.Id == entryId));
        var grant = await fixture.DbAsync(db => db.LicenceGrants.AsNoTracking().SingleAsync(candidate => candidate.EntryId == entryId));

        var document = await fixture.SendAsync(sender => sender.Send(new GetLicenceGrantDocument.Query(entryId)), creative);

        var text = TextOf(document.Pdf);
        Assert.Contains(grant.LicenceTextSha256, text, StringComparison.Ordinal);
        Assert.Contains(entry.LatestFileRecord.Files.Single().Sha256, text, StringComparison.Ordinal);
        Assert.Contains("SEPA-GRANT-77", text, StringComparison.Ordinal);
        Assert.Contains("Prize won: Prize 1, €5,000.", text, StringComparison.Ordinal);
        Assert.Contains("Effective on " + grant.EffectiveAt.UtcDateTime.ToString("d MMMM yyyy, HH:mm:ss", CultureInfo.CurrentCulture) + " UTC", text, StringComparison.Ordinal);
        Assert.Contains("Choco Lab", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_brand_gets_it_in_its_language_and_another_creative_or_a_visitor_does_not()
    {
        var finished = await PaidFirstPrizeAsync();
        var entryId = finished.Winner(1).Entry;
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            var document = await fixture.SendAsync(sender => sender.Send(new GetLicenceGrantDocument.Query(entryId)), finished.Owner);
            Assert.Contains("Acte d’octroi de licence", TextOf(document.Pdf), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = previous;
        }

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetLicenceGrantDocument.Query(entryId)), finished.Losers.First().Creative));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetLicenceGrantDocument.Query(entryId)), await fixture.ConfirmedAsync(Roles.Creative)));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetLicenceGrantDocument.Query(entryId))));
    }

    [Fact]
    public async Task An_award_not_yet_paid_has_no_grant_to_download()
    {
        var finished = await PaidFirstPrizeAsync();
        var (unpaid, creative) = finished.Winner(2);

        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetLicenceGrantDocument.Query(unpaid)), creative));
        var status = await fixture.SendAsync(sender => sender.Send(new GetEntryAward.Query(unpaid)), creative);
        Assert.Equal(2, status.Award!.Rank);
        Assert.Null(status.Award.PaidAt);
        Assert.Null(status.GrantEffectiveAt);
    }

    private static string TextOf(byte[] pdf) => PdfReading.Of(pdf).Text;
}
