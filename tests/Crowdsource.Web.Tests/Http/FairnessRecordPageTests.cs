using System.Net;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// The brand's fairness record as visitors read it, in their language: on the brand's page in full, on each of its
/// challenges with a link there, and "no history yet" for a brand whose challenges have not ended.
/// </summary>
public sealed class FairnessRecordPageTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    [Theory]
    [InlineData("en-GB", "Fairness record", "Results by the judging deadline", "0 of 1", "€2,500 · 1 payment", "3 days", "No history yet")]
    [InlineData("fr-FR", "Bilan d’équité", "Résultats dans les délais", "0 sur 1", "2 500 € · 1 paiement", "3 jours", "Pas encore d’historique")]
    public async Task Visitors_read_the_record_of_a_brand_with_history_and_the_no_history_note_of_a_new_one(
        string language, string heading, string onTimeLabel, string onTime, string paid, string medianDays, string noHistory)
    {
        var owner = await factory.AccountAsync();
        var finished = await FinishedChallenges.CreateAsync(factory.Services, owner, await factory.AccountAsync(), await factory.AccountAsync(), paid: true);
        var slug = await BrandSlugAsync(finished.ChallengeId);
        var visitor = factory.CreateClient();
        visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);

        var brandPage = await Forms.ParseAsync(await visitor.GetAsync(new Uri($"/b/{slug}", UriKind.Relative)));
        var record = Spaced(brandPage.QuerySelector("#fairness-record")!.TextContent);
        Assert.Contains(heading, record, StringComparison.Ordinal);
        Assert.Contains(onTimeLabel, record, StringComparison.Ordinal);
        Assert.Contains(onTime, record, StringComparison.Ordinal); // results a day late
        Assert.Contains(paid, record, StringComparison.Ordinal);
        Assert.Contains(medianDays, record, StringComparison.Ordinal);
        Assert.DoesNotContain(noHistory, record, StringComparison.Ordinal);

        var challengePage = await Forms.ParseAsync(await visitor.GetAsync(new Uri($"/Challenges/{finished.ChallengeId}", UriKind.Relative)));
        var onChallenge = challengePage.QuerySelector("#fairness-record")!;
        Assert.Contains(onTime, Spaced(onChallenge.TextContent), StringComparison.Ordinal);
        Assert.Equal($"/b/{slug}#fairness-record", onChallenge.QuerySelector("a")!.GetAttribute("href"));

        // A new brand whose first challenge is still open: nothing to judge it by yet, and the page says so.
        var newOwner = await factory.AccountAsync();
        var open = await OpenChallenges.CreateAsync(factory, newOwner);
        var newSlug = await BrandSlugAsync(Guid.Parse(open[(open.LastIndexOf('/') + 1)..]));
        var response = await visitor.GetAsync(new Uri($"/b/{newSlug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newRecord = Spaced((await Forms.ParseAsync(response)).QuerySelector("#fairness-record")!.TextContent);
        Assert.Contains(noHistory, newRecord, StringComparison.Ordinal);
        Assert.DoesNotContain(onTimeLabel, newRecord, StringComparison.Ordinal);
    }

    /// <summary>French writes no-break spaces in amounts and before signs: compared as plain spaces.</summary>
    private static string Spaced(string text) => string.Join(' ', text.Replace('\u202f', ' ').Replace('\u00a0', ' ')
        .Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));

    private async Task<string> BrandSlugAsync(Guid challengeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var brandId = await db.Challenges.Where(challenge => challenge.Id == new Domain.Challenges.ChallengeId(challengeId))
            .Select(challenge => challenge.BrandId).SingleAsync();
        return await db.Brands.Where(brand => brand.Id == brandId).Select(brand => brand.Slug).SingleAsync();
    }
}
