using System.Net;
using Crowdsource.Domain.Brands;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// A removed Owner must leave no way back into the brand: the invitations they sent stop working, Owners see and
/// withdraw pending invitations, and an invitation only opens the brand while its sender may still give that role.
/// </summary>
public sealed class BrandInvitationTakeoverTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    [Fact]
    public async Task A_removed_owner_cannot_take_the_brand_back_through_an_invitation_they_sent()
    {
        // 1. Bruno, the brand's Owner, invites M as Owner; 2. M joins.
        var (bruno, brunoId, brandId) = await BrandAsync();
        var m = await factory.AccountAsync();
        await InviteAsync(bruno, brandId, m.Email, "Owner");
        var mClient = await SignedInAsync(m);
        Assert.Equal(HttpStatusCode.Redirect, (await JoinAsync(mClient, m.Email)).StatusCode);
        // 3. M invites an accomplice as Owner; 4. Bruno removes M.
        var accomplice = await factory.AccountAsync();
        await InviteAsync(mClient, brandId, accomplice.Email, "Owner");
        var removed = await BrandPages.PostAsync(bruno, $"/Brands/Workspace/{brandId}?handler=Remove",
            new Dictionary<string, string> { ["userId"] = await UserIdAsync(m.Email) });
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);

        // 5. The accomplice's link no longer opens the brand, so they cannot remove Bruno.
        var accompliceClient = await SignedInAsync(accomplice);
        var refused = await JoinAsync(accompliceClient, accomplice.Email);
        var takeover = await BrandPages.PostAsync(accompliceClient, $"/Brands/Workspace/{brandId}?handler=Remove",
            new Dictionary<string, string> { ["userId"] = brunoId });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This invitation has expired, was withdrawn or was already used",
            (await Forms.ParseAsync(refused)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, takeover.StatusCode);
        Assert.Equal($"{brunoId}:Owner", await MembersAsync(brandId));
        Assert.Equal(HttpStatusCode.OK, (await bruno.GetAsync(new Uri($"/Brands/Workspace/{brandId}", UriKind.Relative))).StatusCode);
        Assert.Contains("brand.invitation-revoked", await AuditActionsAsync(brandId));
    }

    [Fact]
    public async Task An_owner_sees_a_pending_invitation_and_withdraws_it_so_its_link_no_longer_works()
    {
        var (bruno, brunoId, brandId) = await BrandAsync();
        var invitee = await factory.AccountAsync();
        await InviteAsync(bruno, brandId, invitee.Email, "Owner");
        var workspace = await Forms.ParseAsync(await bruno.GetAsync(new Uri($"/Brands/Workspace/{brandId}", UriKind.Relative)));
        var revokeForm = workspace.Forms.Single(form => (form.GetAttribute("action") ?? string.Empty).Contains("handler=Revoke", StringComparison.Ordinal));
        Assert.Contains(invitee.Email, revokeForm.ParentElement!.TextContent, StringComparison.Ordinal);

        var revoked = await Forms.SubmitAsync(bruno, $"/Brands/Workspace/{brandId}",
            new Dictionary<string, string> { ["invitationId"] = revokeForm.QuerySelector("input[name='invitationId']")!.GetAttribute("value")! },
            revokeForm.GetAttribute("action"));
        var refused = await JoinAsync(await SignedInAsync(invitee), invitee.Email);

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await Forms.ParseAsync(refused)).QuerySelector("#form-errors"));
        Assert.Equal($"{brunoId}:Owner", await MembersAsync(brandId));
        Assert.Contains("brand.invitation-revoked", await AuditActionsAsync(brandId));
    }

    [Fact]
    public async Task An_editor_can_neither_withdraw_an_invitation_nor_remove_or_demote_an_owner()
    {
        var (bruno, brunoId, brandId) = await BrandAsync();
        var editor = await factory.AccountAsync();
        await InviteAsync(bruno, brandId, editor.Email, "Editor");
        var editorClient = await SignedInAsync(editor);
        Assert.Equal(HttpStatusCode.Redirect, (await JoinAsync(editorClient, editor.Email)).StatusCode);
        var invitee = await factory.AccountAsync();
        await InviteAsync(bruno, brandId, invitee.Email, "Editor");
        var invitationId = await PendingInvitationIdAsync(brandId, invitee.Email);

        var revoke = await BrandPages.PostAsync(editorClient, $"/Brands/Workspace/{brandId}?handler=Revoke",
            new Dictionary<string, string> { ["invitationId"] = invitationId!.Value.ToString() });
        var remove = await BrandPages.PostAsync(editorClient, $"/Brands/Workspace/{brandId}?handler=Remove",
            new Dictionary<string, string> { ["userId"] = brunoId });
        var demote = await BrandPages.PostAsync(editorClient, $"/Brands/Workspace/{brandId}?handler=Role",
            new Dictionary<string, string> { ["userId"] = brunoId, ["role"] = "Editor" });

        Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, demote.StatusCode);
        Assert.Equal(invitationId, await PendingInvitationIdAsync(brandId, invitee.Email));
        Assert.Contains($"{brunoId}:Owner", await MembersAsync(brandId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_owner_invitation_from_an_owner_since_made_editor_is_refused_with_a_message()
    {
        var (bruno, _, brandId) = await BrandAsync();
        var m = await factory.AccountAsync();
        await InviteAsync(bruno, brandId, m.Email, "Owner");
        var mClient = await SignedInAsync(m);
        Assert.Equal(HttpStatusCode.Redirect, (await JoinAsync(mClient, m.Email)).StatusCode);
        var accomplice = await factory.AccountAsync();
        await InviteAsync(mClient, brandId, accomplice.Email, "Owner");
        var demoted = await BrandPages.PostAsync(bruno, $"/Brands/Workspace/{brandId}?handler=Role",
            new Dictionary<string, string> { ["userId"] = await UserIdAsync(m.Email), ["role"] = "Editor" });
        Assert.Equal(HttpStatusCode.Redirect, demoted.StatusCode);

        var refused = await JoinAsync(await SignedInAsync(accomplice), accomplice.Email);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("can no longer invite you with this role",
            (await Forms.ParseAsync(refused)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(await UserIdAsync(accomplice.Email), await MembersAsync(brandId), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_last_owner_can_neither_leave_nor_be_made_editor()
    {
        var (bruno, brunoId, brandId) = await BrandAsync();

        var leave = await BrandPages.PostAsync(bruno, $"/Brands/Workspace/{brandId}?handler=Remove",
            new Dictionary<string, string> { ["userId"] = brunoId });
        var demote = await BrandPages.PostAsync(bruno, $"/Brands/Workspace/{brandId}?handler=Role",
            new Dictionary<string, string> { ["userId"] = brunoId, ["role"] = "Editor" });

        Assert.Equal(HttpStatusCode.OK, leave.StatusCode);
        Assert.Equal(HttpStatusCode.OK, demote.StatusCode);
        Assert.Contains("at least one owner", (await Forms.ParseAsync(demote)).QuerySelector("#form-errors")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"{brunoId}:Owner", await MembersAsync(brandId));
    }

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = Client();
        await Forms.SignInAsync(client, account);
        return client;
    }

    private async Task<(HttpClient Owner, string OwnerId, Guid BrandId)> BrandAsync()
    {
        var account = await factory.AccountAsync();
        var owner = await SignedInAsync(account);
        var brandId = await BrandPages.CreateBrandAsync(owner, $"Maison {Guid.NewGuid():N}"[..20]);
        return (owner, await UserIdAsync(account.Email), brandId);
    }

    private static async Task InviteAsync(HttpClient owner, Guid brandId, string email, string role)
    {
        var response = await BrandPages.PostAsync(owner, $"/Brands/Workspace/{brandId}?handler=Invite",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = role });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Opens the link of the latest invitation e-mailed to <paramref name="email"/> and presses "Join".</summary>
    private async Task<HttpResponseMessage> JoinAsync(HttpClient client, string email)
    {
        var link = (await factory.EmailsToAsync(email)).SelectMany(CrowdsourceWebFactory.LinksIn)
            .Last(candidate => candidate.PathAndQuery.Contains("/Brands/Join?token=", StringComparison.Ordinal));
        var token = QueryHelpers.ParseQuery(link.Query)["token"].ToString();
        return await Forms.SubmitAsync(client, link.PathAndQuery, new Dictionary<string, string> { ["Token"] = token });
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Users.AsNoTracking()
            .Where(user => user.Email == email).Select(user => user.Id).SingleAsync();
    }

    private async Task<string> MembersAsync(Guid brandId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var brand = await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Brands.AsNoTracking()
            .Include(candidate => candidate.Members).SingleAsync(candidate => candidate.Id == new BrandId(brandId));
        return string.Join(", ", brand.Members.OrderBy(member => member.UserId, StringComparer.Ordinal).Select(member => $"{member.UserId}:{member.Role}"));
    }

    private async Task<Guid?> PendingInvitationIdAsync(Guid brandId, string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().BrandInvitations.AsNoTracking()
            .Where(invitation => invitation.BrandId == new BrandId(brandId) && invitation.Email == email
                && invitation.AcceptedAt == null && invitation.RevokedAt == null)
            .Select(invitation => (Guid?)invitation.Id).SingleOrDefaultAsync();
    }

    private async Task<List<string>> AuditActionsAsync(Guid brandId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().AuditEvents.AsNoTracking()
            .Where(audit => audit.SubjectId == brandId).Select(audit => audit.Action).ToListAsync();
    }
}
