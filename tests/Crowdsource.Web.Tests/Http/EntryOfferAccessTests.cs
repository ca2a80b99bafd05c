using System.Net;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Offers;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Who may make, see and answer offers on entries that did not win, over HTTP: outside the brand the offers page is not
/// found (404), an Editor reads it but may not commit money (403), only the entry's author answers an offer (anyone else:
/// 404), a visitor is sent to log in; the same offer posted twice makes one. Every refusal is checked in the database.
/// </summary>
public sealed class EntryOfferAccessTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private const string Message = "We would like to print your tin on our autumn range.";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private sealed record Setup(FinishedChallenges.Finished Finished, TestAccount Owner, TestAccount Winner, TestAccount Other)
    {
        public string OffersPage => $"/Brands/Challenges/{Finished.ChallengeId}/offers";

        public string EntryPage => $"/Entries/{Finished.OtherEntryId}";
    }

    private async Task<Setup> FinishedAsync()
    {
        var (owner, winner, other) = (await factory.AccountAsync(), await factory.AccountAsync(), await factory.AccountAsync());
        var finished = await FinishedChallenges.CreateAsync(factory.Services, owner, winner, other, paid: false, title: "Design our offer tin");
        return new Setup(finished, owner, winner, other);
    }

    private static Dictionary<string, string> MakeFields(Guid entryId, decimal amount = 800m) => new()
    {
        ["Input.EntryId"] = entryId.ToString(),
        ["Input.Amount"] = amount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Message"] = Message,
        ["confirmed"] = "true",
    };

    private async Task<T> DbAsync<T>(Func<CrowdsourceDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>());
    }

    private Task<int> OffersOnAsync(Guid entryId) => DbAsync(db => db.EntryOffers.CountAsync(offer => offer.EntryId == new EntryId(entryId)));

    private async Task<Guid> OfferAsync(Setup setup)
    {
        var owner = await SignedInAsync(setup.Owner);
        var made = await BrandPages.PostAsync(owner, setup.OffersPage + "?handler=Make", MakeFields(setup.Finished.OtherEntryId));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        return await DbAsync(db => db.EntryOffers.Where(offer => offer.EntryId == new EntryId(setup.Finished.OtherEntryId)).Select(offer => offer.Id).SingleAsync());
    }

    private async Task<TestAccount> EditorOfAsync(Setup setup)
    {
        var editor = await factory.AccountAsync();
        await DbAsync(async db =>
        {
            var userId = await db.Users.Where(user => user.Email == editor.Email).Select(user => user.Id).SingleAsync();
            var challenge = await db.Challenges.AsNoTracking().SingleAsync(candidate => candidate.Id == new ChallengeId(setup.Finished.ChallengeId));
            var brand = await db.Brands.Include(candidate => candidate.Members).SingleAsync(candidate => candidate.Id == challenge.BrandId);
            brand.AddMember(userId, BrandRole.Editor, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        return editor;
    }

    [Fact]
    public async Task The_owner_makes_one_offer_even_when_the_form_is_posted_twice()
    {
        var setup = await FinishedAsync();
        var owner = await SignedInAsync(setup.Owner);

        var page = await owner.GetAsync(new Uri(setup.OffersPage, UriKind.Relative));
        var html = await Forms.ParseAsync(page);
        var first = await BrandPages.PostAsync(owner, setup.OffersPage + "?handler=Make", MakeFields(setup.Finished.OtherEntryId));
        var second = await BrandPages.PostAsync(owner, setup.OffersPage + "?handler=Make", MakeFields(setup.Finished.OtherEntryId));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotNull(html.QuerySelector($"input[name='Input.EntryId'][value='{setup.Finished.OtherEntryId}']"));
        Assert.Null(html.QuerySelector($"input[name='Input.EntryId'][value='{setup.Finished.WinningEntryId}']")); // the winner is not offered
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode));
        Assert.Equal(1, await OffersOnAsync(setup.Finished.OtherEntryId));
    }

    [Fact]
    public async Task An_offer_posted_without_confirmation_asks_for_it_and_records_nothing()
    {
        var setup = await FinishedAsync();
        var owner = await SignedInAsync(setup.Owner);
        var fields = MakeFields(setup.Finished.OtherEntryId);
        fields.Remove("confirmed");

        var response = await BrandPages.PostAsync(owner, setup.OffersPage + "?handler=Make", fields);

        await Confirmations.AssertAsksToConfirmAsync(response, "Yes, make the offer");
        Assert.Equal(0, await OffersOnAsync(setup.Finished.OtherEntryId));
    }

    [Theory]
    [InlineData("owner of another brand")]
    [InlineData("creative of the entry")]
    [InlineData("moderator")]
    public async Task Outside_the_brand_the_offers_page_is_not_found_and_a_post_makes_no_offer(string who)
    {
        var setup = await FinishedAsync();
        TestAccount account;
        if (who == "owner of another brand")
        {
            account = await factory.AccountAsync();
            await FinishedChallenges.CreateAsync(factory.Services, account, await factory.AccountAsync(), await factory.AccountAsync(), paid: false, title: "Another brand's tin");
        }
        else
        {
            account = who == "moderator" ? await factory.AccountAsync(Roles.Moderator) : setup.Other;
        }

        var stranger = await SignedInAsync(account);
        var page = await stranger.GetAsync(new Uri(setup.OffersPage, UriKind.Relative));
        var post = await BrandPages.PostAsync(stranger, setup.OffersPage + "?handler=Make", MakeFields(setup.Finished.OtherEntryId));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await OffersOnAsync(setup.Finished.OtherEntryId));
    }

    [Fact]
    public async Task A_visitor_is_sent_to_log_in()
    {
        var setup = await FinishedAsync();

        var page = await Client().GetAsync(new Uri(setup.OffersPage, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/Account/Login", page.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task An_editor_reads_the_offers_page_without_a_form_and_an_offer_they_post_is_refused()
    {
        var setup = await FinishedAsync();
        var editor = await SignedInAsync(await EditorOfAsync(setup));

        var page = await editor.GetAsync(new Uri(setup.OffersPage, UriKind.Relative));
        var post = await BrandPages.PostAsync(editor, setup.OffersPage + "?handler=Make", MakeFields(setup.Finished.OtherEntryId));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Null((await Forms.ParseAsync(page)).QuerySelector("input[name='Input.Amount']"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(0, await OffersOnAsync(setup.Finished.OtherEntryId));
    }

    [Theory]
    [InlineData("another creative")]
    [InlineData("brand owner")]
    public async Task Only_the_entrys_author_answers_an_offer(string who)
    {
        var setup = await FinishedAsync();
        var offerId = await OfferAsync(setup);
        var someone = await SignedInAsync(who == "brand owner" ? setup.Owner : setup.Winner);

        var accept = await BrandPages.PostAsync(someone, setup.EntryPage + "?handler=AcceptOffer", new Dictionary<string, string>
        {
            ["OfferAnswer.OfferId"] = offerId.ToString(),
            ["OfferAnswer.LicenceVersionId"] = (await DbAsync(db => db.EntryOffers.SingleAsync(offer => offer.Id == offerId))).LicenceVersionId.ToString(),
            ["OfferAnswer.AcceptLicence"] = "true",
            ["confirmed"] = "true",
        });
        var decline = await BrandPages.PostAsync(someone, setup.EntryPage + "?handler=DeclineOffer", new Dictionary<string, string>
        {
            ["OfferAnswer.OfferId"] = offerId.ToString(),
            ["confirmed"] = "true",
        });

        Assert.Equal(HttpStatusCode.NotFound, accept.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, decline.StatusCode);
        Assert.Equal(OfferStatus.Pending, (await DbAsync(db => db.EntryOffers.SingleAsync(offer => offer.Id == offerId))).Status);
    }

    [Fact]
    public async Task The_author_sees_the_offer_on_the_entry_page_and_accepts_it_only_with_the_licence_ticked()
    {
        var setup = await FinishedAsync();
        var offerId = await OfferAsync(setup);
        var author = await SignedInAsync(setup.Other);
        var licenceId = (await DbAsync(db => db.EntryOffers.SingleAsync(offer => offer.Id == offerId))).LicenceVersionId.ToString();

        var page = await Forms.ParseAsync(await author.GetAsync(new Uri(setup.EntryPage, UriKind.Relative)));
        var unticked = await BrandPages.PostAsync(author, setup.EntryPage + "?handler=AcceptOffer", new Dictionary<string, string>
        {
            ["OfferAnswer.OfferId"] = offerId.ToString(),
            ["OfferAnswer.LicenceVersionId"] = licenceId,
            ["confirmed"] = "true",
        });
        var ticked = await BrandPages.PostAsync(author, setup.EntryPage + "?handler=AcceptOffer", new Dictionary<string, string>
        {
            ["OfferAnswer.OfferId"] = offerId.ToString(),
            ["OfferAnswer.LicenceVersionId"] = licenceId,
            ["OfferAnswer.AcceptLicence"] = "true",
            ["confirmed"] = "true",
        });

        Assert.Contains(Message, page.QuerySelector("#offers")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, unticked.StatusCode); // redisplayed with the rule's message
        Assert.Contains("Tick that you accept the licence", (await Forms.ParseAsync(unticked)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        Assert.Equal(OfferStatus.Accepted, (await DbAsync(db => db.EntryOffers.SingleAsync(offer => offer.Id == offerId))).Status);
        // Nobody else sees the offer on the entry page: the winner's author cannot even open the entry.
        var winner = await SignedInAsync(setup.Winner);
        Assert.Equal(HttpStatusCode.NotFound, (await winner.GetAsync(new Uri(setup.EntryPage, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_records_the_payment_of_an_accepted_offer()
    {
        var setup = await FinishedAsync();
        var offerId = await OfferAsync(setup);
        await DbAsync(async db =>
        {
            var offer = await db.EntryOffers.SingleAsync(candidate => candidate.Id == offerId);
            var licence = await db.LicenceVersions.SingleAsync(version => version.Id == offer.LicenceVersionId);
            offer.Accept(offer.CreativeUserId, licence, licence.Id, true, null, null, DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
        var version = (await DbAsync(db => db.EntryOffers.AsNoTracking().SingleAsync(offer => offer.Id == offerId))).Version;
        Dictionary<string, string> Payment() => new()
        {
            ["OfferPayment.OfferId"] = offerId.ToString(),
            ["OfferPayment.Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OfferPayment.PaymentReference"] = "SEPA-OFFER-WEB",
            ["confirmed"] = "true",
        };

        var byOwner = await BrandPages.PostAsync(await SignedInAsync(setup.Owner), "/Admin/Awards?handler=Offer", Payment());
        var admin = await SignedInAsync(await factory.AccountAsync(Roles.Admin));
        var byAdmin = await BrandPages.PostAsync(admin, "/Admin/Awards?handler=Offer", Payment());
        var again = await BrandPages.PostAsync(admin, "/Admin/Awards?handler=Offer", Payment());

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (byAdmin.StatusCode, again.StatusCode));
        Assert.Equal(1, await DbAsync(db => db.LedgerEntries.CountAsync(line => line.OfferId == offerId)));
        Assert.Equal(1, await DbAsync(db => db.LicenceGrants.CountAsync(grant => grant.OfferId == offerId)));
        var grant = await Client().GetAsync(new Uri($"/Entries/{setup.Finished.OtherEntryId}/grant", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, grant.StatusCode); // a visitor gets no grant
        var pdf = await (await SignedInAsync(setup.Other)).GetAsync(new Uri($"/Entries/{setup.Finished.OtherEntryId}/grant", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
    }
}
