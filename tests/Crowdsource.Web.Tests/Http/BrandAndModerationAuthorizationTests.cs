using System.Net;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Who may open and post to the brand pages, the challenge form, the moderation desk and brand verification.
/// The folders decide who must be signed in or staff; the use cases decide ownership: someone outside a brand
/// learns nothing (404), an Editor is refused what only an Owner may do (403), and only a moderator from outside
/// the brand publishes its challenge. Every refused post is checked against the database: nothing changed.
/// </summary>
public sealed class BrandAndModerationAuthorizationTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private const string Intruder = "Written by an intruder";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private async Task<HttpClient> SignedInAsync(params string[] roles) => await SignedInAsync(await factory.AccountAsync(roles));

    [Theory]
    [InlineData("/Brands")]
    [InlineData("/Brands/New")]
    [InlineData("/Brands/Join?token=abc")]
    [InlineData("/Brands/Workspace/{brand}")]
    [InlineData("/Brands/Settings/{brand}")]
    [InlineData("/Challenges/Edit/{draft}")]
    [InlineData("/Challenges/Edit/{draft}/files")]
    [InlineData("/Moderation")]
    [InlineData("/Moderation/Challenge/{review}")]
    [InlineData("/Admin/Brands")]
    public async Task An_anonymous_visitor_is_sent_to_log_in_from_brand_moderation_and_admin_pages(string template)
    {
        var scene = await SceneAsync();
        var path = scene.Path(template);

        var response = await Client().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/Account/Login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData("/Brands/New")]
    [InlineData("/Brands/Join")]
    [InlineData("/Brands/Workspace/{brand}?handler=NewChallenge")]
    [InlineData("/Brands/Workspace/{brand}?handler=Invite")]
    [InlineData("/Brands/Workspace/{brand}?handler=Remove")]
    [InlineData("/Brands/Workspace/{brand}?handler=Role")]
    [InlineData("/Brands/Settings/{brand}")]
    [InlineData("/Challenges/Edit/{draft}?handler=Save")]
    [InlineData("/Challenges/Edit/{draft}?handler=Submit")]
    [InlineData("/Challenges/Edit/{review}?handler=Withdraw")]
    [InlineData("/Challenges/Edit/{draft}/files?handler=Add")]
    [InlineData("/Challenges/Edit/{draft}/files?handler=Remove&assetId=0197a100-0000-7000-8000-00000000abcd")]
    [InlineData("/Moderation/Challenge/{review}?handler=Approve")]
    [InlineData("/Moderation/Challenge/{review}?handler=Reject")]
    [InlineData("/Moderation/Challenge/{review}?handler=Cancel")]
    [InlineData("/Admin/Brands?handler=Verify")]
    public async Task An_anonymous_post_is_sent_to_log_in_and_changes_nothing(string template)
    {
        var scene = await SceneAsync();
        var before = await StateAsync(scene);

        var response = await BrandPages.PostAsync(Client(), scene.Path(template), IntruderFields(scene));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location!.AbsolutePath);
        Assert.Equal(before, await StateAsync(scene));
    }

    [Theory]
    [InlineData("anonymous", "{draft}")]
    [InlineData("anonymous", "{review}")]
    [InlineData("creative", "{draft}")]
    [InlineData("creative", "{review}")]
    [InlineData("member of another brand", "{draft}")]
    [InlineData("member of another brand", "{review}")]
    public async Task A_draft_or_a_challenge_in_review_is_not_found_outside_the_brand_and_the_moderators(string viewer, string challenge)
    {
        var scene = await SceneAsync();
        var client = viewer switch
        {
            "anonymous" => Client(),
            "creative" => await SignedInAsync(),
            _ => await MemberOfAnotherBrandAsync(),
        };

        var response = await client.GetAsync(new Uri(scene.Path($"/Challenges/{challenge}"), UriKind.Relative));

        await AssertNotFoundAsync(response);
    }

    [Fact]
    public async Task The_brand_and_the_moderators_open_a_challenge_in_review()
    {
        var scene = await SceneAsync();
        var moderator = await SignedInAsync(Roles.Moderator);

        var forBrand = await Forms.ParseAsync(await scene.Owner.GetAsync(new Uri(scene.Path("/Challenges/{review}"), UriKind.Relative)));
        var forModerator = await Forms.ParseAsync(await moderator.GetAsync(new Uri(scene.Path("/Challenges/{review}"), UriKind.Relative)));

        Assert.Equal(scene.ReviewTitle, forBrand.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(scene.ReviewTitle, forModerator.QuerySelector("h1")!.TextContent.Trim());
    }

    [Theory]
    [InlineData("/Brands/Workspace/{brand}")]
    [InlineData("/Brands/Settings/{brand}")]
    [InlineData("/Challenges/Edit/{draft}")]
    [InlineData("/Challenges/Edit/{review}")]
    [InlineData("/Challenges/Edit/{draft}/files")]
    public async Task A_member_of_another_brand_gets_404_on_its_pages(string template)
    {
        var scene = await SceneAsync();
        var stranger = await MemberOfAnotherBrandAsync();

        var response = await stranger.GetAsync(new Uri(scene.Path(template), UriKind.Relative));

        await AssertNotFoundAsync(response);
    }

    [Theory]
    [InlineData("/Brands/Workspace/{brand}?handler=NewChallenge")]
    [InlineData("/Brands/Workspace/{brand}?handler=Invite")]
    [InlineData("/Brands/Workspace/{brand}?handler=Remove")]
    [InlineData("/Brands/Workspace/{brand}?handler=Role")]
    [InlineData("/Brands/Settings/{brand}")]
    [InlineData("/Challenges/Edit/{draft}?handler=Save")]
    [InlineData("/Challenges/Edit/{draft}?handler=Submit")]
    [InlineData("/Challenges/Edit/{review}?handler=Withdraw")]
    [InlineData("/Challenges/Edit/{draft}/files?handler=Add")]
    [InlineData("/Challenges/Edit/{draft}/files?handler=Remove&assetId=0197a100-0000-7000-8000-00000000abcd")]
    [InlineData("/Challenges/Edit/{draft}?handler=Copy")]
    [InlineData("/Challenges/Edit/{review}?handler=Copy")]
    public async Task A_member_of_another_brand_gets_404_when_posting_to_its_pages_and_nothing_changes(string template)
    {
        var scene = await SceneAsync();
        var stranger = await MemberOfAnotherBrandAsync();
        var before = await StateAsync(scene);

        var response = await BrandPages.PostAsync(stranger, scene.Path(template), IntruderFields(scene));

        await AssertNotFoundAsync(response);
        Assert.Equal(before, await StateAsync(scene));
    }

    [Theory]
    [InlineData("/Brands/Workspace/{brand}?handler=Invite", "Input.Email", "not an address")]
    [InlineData("/Brands/Workspace/{brand}?handler=NewChallenge", "NewChallengeTitle", "")]
    [InlineData("/Challenges/Edit/{draft}?handler=Save", "Input.Title", "")]
    [InlineData("/Challenges/Edit/{draft}?handler=Save", "Input.Currency", "XXX")]
    public async Task A_member_of_another_brand_posting_an_invalid_form_to_its_pages_gets_404_too(string template, string field, string value)
    {
        var scene = await SceneAsync();
        var stranger = await MemberOfAnotherBrandAsync();
        var before = await StateAsync(scene);
        var fields = IntruderFields(scene);
        fields[field] = value;

        var response = await BrandPages.PostAsync(stranger, scene.Path(template), fields);

        await AssertNotFoundAsync(response);
        Assert.Equal(before, await StateAsync(scene));
    }

    [Theory]
    [InlineData("/Brands/Workspace/{own-brand}?handler=NewChallenge")]
    [InlineData("/Brands/Workspace/{own-brand}?handler=Invite")]
    [InlineData("/Brands/Workspace/{own-brand}?handler=Remove")]
    [InlineData("/Brands/Workspace/{own-brand}?handler=Role")]
    [InlineData("/Brands/Settings/{own-brand}")]
    [InlineData("/Challenges/Edit/{own-draft}?handler=Save")]
    [InlineData("/Challenges/Edit/{own-draft}?handler=Submit")]
    public async Task Another_brands_id_slipped_into_a_form_field_is_not_trusted(string template)
    {
        var scene = await SceneAsync();
        var stranger = await SceneAsync();
        var path = template.Replace("{own-brand}", stranger.BrandId.ToString(), StringComparison.Ordinal)
            .Replace("{own-draft}", stranger.DraftId.ToString(), StringComparison.Ordinal);
        var target = template.Contains("{own-brand}", StringComparison.Ordinal) ? scene.BrandId : scene.DraftId;
        var before = await StateAsync(scene);
        var fields = IntruderFields(scene);
        fields["Id"] = target.ToString();

        await BrandPages.PostAsync(stranger.Owner, path, fields);

        Assert.Equal(before, await StateAsync(scene));
    }

    [Fact]
    public async Task An_owner_cannot_change_or_remove_a_member_of_another_brand_from_their_own_workspace()
    {
        var scene = await SceneAsync();
        var other = await SceneAsync();
        var before = await StateAsync(scene);

        await BrandPages.PostAsync(other.Owner, $"/Brands/Workspace/{other.BrandId}?handler=Role",
            new Dictionary<string, string> { ["userId"] = scene.OwnerId, ["role"] = "Editor" });
        await BrandPages.PostAsync(other.Owner, $"/Brands/Workspace/{other.BrandId}?handler=Remove",
            new Dictionary<string, string> { ["userId"] = scene.OwnerId });

        Assert.Equal(before, await StateAsync(scene));
    }

    [Theory]
    [InlineData("/Brands/Workspace/{brand}?handler=Invite")]
    [InlineData("/Brands/Workspace/{brand}?handler=Remove")]
    [InlineData("/Brands/Workspace/{brand}?handler=Role")]
    [InlineData("/Brands/Settings/{brand}")]
    public async Task An_editor_is_refused_what_only_an_owner_may_do(string template)
    {
        var scene = await SceneAsync();
        var (editor, editorId) = await EditorAsync(scene);
        var before = await StateAsync(scene);
        var fields = IntruderFields(scene);
        fields["role"] = "Owner";
        if (template.Contains("handler=Role", StringComparison.Ordinal))
        {
            fields["userId"] = editorId; // Making oneself an Owner.
        }

        var response = await BrandPages.PostAsync(editor, scene.Path(template), fields);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, await StateAsync(scene));
    }

    [Fact]
    public async Task An_editor_is_not_shown_the_owner_controls_of_the_workspace()
    {
        var scene = await SceneAsync();
        var (editor, _) = await EditorAsync(scene);

        var response = await editor.GetAsync(new Uri(scene.Path("/Brands/Workspace/{brand}"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Forms.ParseAsync(response);
        var actions = page.QuerySelectorAll("main form").Select(form => form.GetAttribute("action") ?? string.Empty).ToList();
        Assert.Contains(actions, action => action.Contains("handler=NewChallenge", StringComparison.Ordinal));
        Assert.DoesNotContain(actions, action => action.Contains("handler=Invite", StringComparison.Ordinal) || action.Contains("handler=Role", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector($"main a[href='/Brands/Settings/{scene.BrandId}']"));
    }

    [Fact]
    public async Task An_editor_does_not_get_the_brand_profile_form()
    {
        var scene = await SceneAsync();
        var (editor, _) = await EditorAsync(scene);

        var response = await editor.GetAsync(new Uri(scene.Path("/Brands/Settings/{brand}"), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_editor_starts_a_challenge_and_sends_it_for_review()
    {
        var scene = await SceneAsync();
        var (editor, _) = await EditorAsync(scene);

        var challengeId = await BrandPages.ChallengeInReviewAsync(editor, scene.BrandId, "Editor's challenge", Word());

        Assert.Equal(ChallengeStatus.InReview, await StatusOfAsync(challengeId));
    }

    [Fact]
    public async Task An_editor_leaves_the_brand_and_can_no_longer_open_its_workspace()
    {
        var scene = await SceneAsync();
        var (editor, editorId) = await EditorAsync(scene);

        var response = await BrandPages.PostAsync(editor, scene.Path("/Brands/Workspace/{brand}?handler=Remove"),
            new Dictionary<string, string> { ["userId"] = editorId });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(editorId, (await StateAsync(scene)).Members, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(new Uri(scene.Path("/Brands/Workspace/{brand}"), UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Only_the_invited_address_joins_with_an_invitation_link()
    {
        var scene = await SceneAsync();
        var invitee = await factory.AccountAsync();
        var someoneElse = await factory.AccountAsync();
        await InviteAsync(scene, invitee.Email);
        var link = await InvitationLinkAsync(invitee.Email);
        var token = QueryHelpers.ParseQuery(new Uri(link, UriKind.Absolute).Query)["token"].ToString();

        var refused = await Forms.SubmitAsync(await SignedInAsync(someoneElse), new Uri(link).PathAndQuery, new Dictionary<string, string> { ["Token"] = token });
        var joined = await Forms.SubmitAsync(await SignedInAsync(invitee), new Uri(link).PathAndQuery, new Dictionary<string, string> { ["Token"] = token });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(refused)).QuerySelector("#form-errors"));
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var members = (await StateAsync(scene)).Members;
        Assert.DoesNotContain(await UserIdAsync(someoneElse.Email), members, StringComparison.Ordinal);
        Assert.Contains($"{await UserIdAsync(invitee.Email)}:Editor", members, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_brands_lists_the_brands_a_person_belongs_to_with_their_role_and_no_other()
    {
        var scene = await SceneAsync();
        var (editor, _) = await EditorAsync(scene);
        var stranger = await MemberOfAnotherBrandAsync();

        var forOwner = await MyBrandsAsync(scene.Owner);
        var forEditor = await MyBrandsAsync(editor);
        var forStranger = await MyBrandsAsync(stranger);

        Assert.Equal($"{scene.BrandName} · Owner", Assert.Single(forOwner));
        Assert.Equal($"{scene.BrandName} · Editor", Assert.Single(forEditor));
        Assert.DoesNotContain(forStranger, line => line.StartsWith(scene.BrandName, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/Moderation")]
    [InlineData("/Moderation/Challenge/{review}")]
    [InlineData("/Admin/Brands")]
    public async Task A_creative_gets_the_forbidden_page_on_moderation_and_admin_pages(string template)
    {
        var scene = await SceneAsync();
        var creative = await SignedInAsync();

        var response = await creative.GetAsync(new Uri(scene.Path(template), UriKind.Relative));

        await AssertForbiddenAsync(response);
    }

    [Theory]
    [InlineData("/Moderation/Challenge/{review}?handler=Approve")]
    [InlineData("/Moderation/Challenge/{review}?handler=Reject")]
    [InlineData("/Moderation/Challenge/{review}?handler=Cancel")]
    [InlineData("/Admin/Brands?handler=Verify")]
    public async Task A_creative_cannot_decide_on_a_challenge_or_verify_a_brand_by_posting(string template)
    {
        var scene = await SceneAsync();
        var creative = await SignedInAsync();
        var before = await StateAsync(scene);

        var response = await BrandPages.PostAsync(creative, scene.Path(template), IntruderFields(scene));

        await AssertForbiddenAsync(response);
        Assert.Equal(before, await StateAsync(scene));
    }

    [Fact]
    public async Task A_moderator_can_neither_open_brand_verification_nor_verify_a_brand()
    {
        var scene = await SceneAsync();
        var moderator = await SignedInAsync(Roles.Moderator);

        var page = await moderator.GetAsync(new Uri("/Admin/Brands", UriKind.Relative));
        var post = await BrandPages.PostAsync(moderator, "/Admin/Brands?handler=Verify",
            new Dictionary<string, string> { ["brandId"] = scene.BrandId.ToString(), ["verified"] = "true" });

        await AssertForbiddenAsync(page);
        await AssertForbiddenAsync(post);
        Assert.False((await StateAsync(scene)).Verified);
    }

    [Fact]
    public async Task An_admin_verifies_a_brand_from_the_brands_page()
    {
        var scene = await SceneAsync();
        var admin = await SignedInAsync(Roles.Admin);

        var response = await Forms.SubmitAsync(admin, "/Admin/Brands",
            new Dictionary<string, string> { ["brandId"] = scene.BrandId.ToString(), ["verified"] = "true" }, "/Admin/Brands?handler=Verify");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True((await StateAsync(scene)).Verified);
    }

    [Fact]
    public async Task A_brand_member_cannot_approve_their_own_challenge()
    {
        var scene = await SceneAsync();
        var before = await StateAsync(scene);

        var response = await BrandPages.ApproveAsync(scene.Owner, scene.ReviewId);

        await AssertForbiddenAsync(response);
        Assert.Equal(before, await StateAsync(scene));
        await AssertNotPublicAsync(scene);
    }

    [Theory]
    [InlineData("Approve")]
    [InlineData("Reject")]
    [InlineData("Cancel")]
    public async Task A_moderator_who_belongs_to_the_brand_cannot_decide_on_its_challenge(string handler)
    {
        var scene = await SceneAsync(Roles.Moderator);
        var before = await StateAsync(scene);

        var response = await BrandPages.PostAsync(scene.Owner, scene.Path($"/Moderation/Challenge/{{review}}?handler={handler}"), IntruderFields(scene));

        await AssertForbiddenAsync(response);
        Assert.Equal(before, await StateAsync(scene));
        await AssertNotPublicAsync(scene);
    }

    [Fact]
    public async Task A_moderator_who_belongs_to_the_brand_reads_the_review_without_decision_buttons()
    {
        var scene = await SceneAsync(Roles.Moderator);

        var page = await Forms.ParseAsync(await scene.Owner.GetAsync(new Uri(scene.Path("/Moderation/Challenge/{review}"), UriKind.Relative)));

        Assert.Contains("another moderator decides on it", page.QuerySelector("[role='note']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("form[action*='handler=Approve'], button[formaction*='handler=Reject'], button[formaction*='handler=Cancel']"));
    }

    [Fact]
    public async Task A_moderator_who_belongs_to_the_brand_cannot_approve_its_challenge_from_another_challenges_page()
    {
        var scene = await SceneAsync(Roles.Moderator);
        var other = await SceneAsync();
        var before = await StateAsync(scene);

        await BrandPages.PostAsync(scene.Owner, $"/Moderation/Challenge/{other.ReviewId}?handler=Approve",
            new Dictionary<string, string> { ["Id"] = scene.ReviewId.ToString() });

        Assert.Equal(before, await StateAsync(scene));
        await AssertNotPublicAsync(scene);
    }

    [Fact]
    public async Task Only_a_moderator_from_outside_the_brand_publishes_its_challenge()
    {
        var scene = await SceneAsync(Roles.Moderator);
        await AssertNotPublicAsync(scene);

        await ArrangedFunding.FundAsync(factory, scene.ReviewId);
        var response = await BrandPages.ApproveAsync(await SignedInAsync(Roles.Moderator), scene.ReviewId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ChallengeStatus.Scheduled, await StatusOfAsync(scene.ReviewId));
        var visitor = Client();
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync(new Uri(scene.Path("/Challenges/{review}"), UriKind.Relative))).StatusCode);
        Assert.Equal(scene.ReviewTitle, Assert.Single(await SearchAsync(visitor, scene.Keyword)));
    }

    private static async Task AssertNotFoundAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("We could not find this page", (await Forms.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    private static async Task AssertForbiddenAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("You do not have access to this page", (await Forms.ParseAsync(response)).QuerySelector("h1")!.TextContent);
    }

    /// <summary>The challenge in review is neither found by a visitor's search nor opened by its address.</summary>
    private async Task AssertNotPublicAsync(Scene scene)
    {
        var visitor = Client();
        Assert.Empty(await SearchAsync(visitor, scene.Keyword));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri(scene.Path("/Challenges/{review}"), UriKind.Relative))).StatusCode);
    }

    /// <summary>The lines of "My brands": each brand's name and the person's role in it.</summary>
    private static async Task<List<string>> MyBrandsAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/Brands", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await Forms.ParseAsync(response)).QuerySelectorAll("main li").Select(item =>
            $"{item.QuerySelector("a")!.TextContent.Trim()} · {item.QuerySelector(".badge:last-child")!.TextContent.Trim()}")];
    }

    private static async Task<List<string>> SearchAsync(HttpClient client, string words)
    {
        var page = await Forms.ParseAsync(await client.GetAsync(new Uri($"/Challenges?q={Uri.EscapeDataString(words)}", UriKind.Relative)));
        return [.. page.QuerySelectorAll(".challenge-card h3").Select(title => title.TextContent.Trim())];
    }

    /// <summary>What any form of these pages reads, filled in by someone who should change nothing.</summary>
    private static Dictionary<string, string> IntruderFields(Scene scene) => new()
    {
        ["Input.Name"] = Intruder,
        ["Input.Slug"] = "intruder-brand",
        ["Input.Description"] = Intruder,
        ["Input.Website"] = "https://intruder.example",
        ["NewChallengeTitle"] = Intruder,
        ["Input.Email"] = "intruder@example.com",
        ["Input.Role"] = "Owner",
        ["userId"] = scene.OwnerId,
        ["role"] = "Editor",
        ["confirmed"] = "true", // an intruder who confirms an irreversible action is refused all the same
        ["Input.Version"] = "0",
        ["Input.Title"] = Intruder,
        ["Input.Reason"] = $"{Intruder}, who may not decide on this challenge.",
        ["brandId"] = scene.BrandId.ToString(),
        ["verified"] = "true",
        ["Token"] = "not-an-invitation",
    };

    /// <summary>A brand with an Owner signed in, a draft and a complete challenge waiting for review.</summary>
    private sealed record Scene(Guid BrandId, string BrandName, string OwnerId, HttpClient Owner, Guid DraftId, Guid ReviewId, string ReviewTitle, string Keyword)
    {
        public string Path(string template) => template
            .Replace("{brand}", BrandId.ToString(), StringComparison.Ordinal)
            .Replace("{draft}", DraftId.ToString(), StringComparison.Ordinal)
            .Replace("{review}", ReviewId.ToString(), StringComparison.Ordinal);
    }

    private async Task<Scene> SceneAsync(params string[] ownerRoles)
    {
        var account = await factory.AccountAsync(ownerRoles);
        var owner = await SignedInAsync(account);
        var brandName = $"Maison {Word()}";
        var brandId = await BrandPages.CreateBrandAsync(owner, brandName);
        var draftId = await BrandPages.StartDraftAsync(owner, brandId, "A draft the brand keeps to itself");
        var keyword = Word();
        var reviewTitle = $"Bottle {Guid.NewGuid():N}"[..16];
        var reviewId = await BrandPages.ChallengeInReviewAsync(owner, brandId, reviewTitle, keyword);
        return new Scene(brandId, brandName, await UserIdAsync(account.Email), owner, draftId, reviewId, reviewTitle, keyword);
    }

    private async Task<HttpClient> MemberOfAnotherBrandAsync() => (await SceneAsync()).Owner;

    private static async Task InviteAsync(Scene scene, string email)
    {
        var response = await BrandPages.PostAsync(scene.Owner, scene.Path("/Brands/Workspace/{brand}?handler=Invite"),
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Editor" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>The link of the invitation e-mail, as the pickup directory holds it.</summary>
    private async Task<string> InvitationLinkAsync(string email) =>
        (await factory.EmailsToAsync(email)).SelectMany(CrowdsourceWebFactory.LinksIn)
            .First(link => link.PathAndQuery.Contains("/Brands/Join?token=", StringComparison.Ordinal)).ToString();

    /// <summary>An Editor of the scene's brand, invited by its Owner and joined by the e-mailed link.</summary>
    private async Task<(HttpClient Editor, string EditorId)> EditorAsync(Scene scene)
    {
        var account = await factory.AccountAsync();
        await InviteAsync(scene, account.Email);
        var link = new Uri(await InvitationLinkAsync(account.Email));
        var editor = await SignedInAsync(account);
        var token = QueryHelpers.ParseQuery(link.Query)["token"].ToString();
        var joined = await Forms.SubmitAsync(editor, link.PathAndQuery, new Dictionary<string, string> { ["Token"] = token });
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        var editorId = await UserIdAsync(account.Email);
        Assert.Contains($"{editorId}:Editor", (await StateAsync(scene)).Members, StringComparison.Ordinal);
        return (editor, editorId);
    }

    /// <summary>What a refused request must leave as it was: the brand, its members and invitations, its challenges.</summary>
    private sealed record State(string Brand, bool Verified, string Members, string Invitations, string Challenges, int BrandCount);

    private async Task<State> StateAsync(Scene scene)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var brandId = new BrandId(scene.BrandId);
        var brand = await db.Brands.AsNoTracking().Include(candidate => candidate.Members).SingleAsync(candidate => candidate.Id == brandId);
        var invitations = await db.BrandInvitations.AsNoTracking()
            .Where(invitation => invitation.BrandId == brandId && invitation.AcceptedAt == null && invitation.RevokedAt == null)
            .OrderBy(invitation => invitation.Email)
            .Select(invitation => invitation.Email + ":" + invitation.Role)
            .ToListAsync();
        var challenges = await db.Challenges.AsNoTracking()
            .Where(challenge => challenge.BrandId == brandId)
            .OrderBy(challenge => challenge.CreatedAt)
            .Select(challenge => new { challenge.Title, challenge.Summary, challenge.Status, challenge.Version })
            .ToListAsync();
        return new State(
            $"{brand.Name} | {brand.Slug} | {brand.Description} | {brand.Website}",
            brand.IsVerified,
            string.Join(", ", brand.Members.OrderBy(member => member.UserId, StringComparer.Ordinal).Select(member => $"{member.UserId}:{member.Role}")),
            string.Join(", ", invitations),
            string.Join(", ", challenges.Select(challenge => $"{challenge.Title} ({challenge.Status}, v{challenge.Version}): {challenge.Summary}")),
            await db.Brands.CountAsync());
    }

    private async Task<ChallengeStatus> StatusOfAsync(Guid challengeId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var id = new ChallengeId(challengeId);
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Challenges.AsNoTracking()
            .Where(challenge => challenge.Id == id).Select(challenge => challenge.Status).SingleAsync();
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Users.AsNoTracking()
            .Where(user => user.Email == email).Select(user => user.Id).SingleAsync();
    }

    /// <summary>A made-up word (letters only), so a search finds this test's challenge and no other.</summary>
    private static string Word() =>
        string.Concat(Guid.NewGuid().ToString("N")[..10].Select(digit => (char)(char.IsAsciiDigit(digit) ? 'g' + (digit - '0') : 'q' + (digit - 'a'))));
}
