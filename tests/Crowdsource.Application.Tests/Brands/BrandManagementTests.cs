using Crowdsource.Application.Brands;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Brands;

public sealed class BrandManagementTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private async Task<string> EmailOf(Actor actor) =>
        await fixture.DbAsync(db => db.Users.Where(user => user.Id == actor.UserId).Select(user => user.Email!).SingleAsync());

    private async Task<string> InviteAsync(BrandId brand, Actor owner, string email, BrandRole role)
    {
        fixture.Clock.Advance(TimeSpan.FromSeconds(1)); // so the newest e-mail is the last one
        await fixture.SendAsync(sender => sender.Send(new InviteBrandMember.Command(brand, email, role)), owner);
        var invitation = (await fixture.EmailsToAsync(email.ToLowerInvariant())).Last(sent => sent.Subject.StartsWith("Join", StringComparison.Ordinal));
        return TestSiteLinks.TokenIn(invitation.TextBody);
    }

    [Fact]
    public async Task Someone_who_entered_a_running_challenge_of_the_brand_cannot_join_it_and_see_the_rival_entries()
    {
        var (challenge, owner, licence) = await fixture.OpenAsync();
        var brand = (await fixture.LoadAsync(challenge)).BrandId;
        var entrant = await fixture.ConfirmedAsync(Roles.Creative);
        await fixture.SubmitAsync(challenge, licence, entrant, "My wrapper");
        var token = await InviteAsync(brand, owner, await EmailOf(entrant), BrandRole.Owner);

        var refusal = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AcceptBrandInvitation.Command(token)), entrant));

        Assert.Equal("invitation.entered", refusal.Code);
        Assert.False(await fixture.DbAsync(db => db.Brands.AnyAsync(candidate => candidate.Id == brand
            && candidate.Members.Any(member => member.UserId == entrant.UserId))));
    }

    [Fact]
    public async Task The_creator_owns_the_new_brand_and_becomes_a_brand_member()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();

        var workspace = await fixture.SendAsync(sender => sender.Send(new GetBrandWorkspace.Query(brand)), owner);

        Assert.Equal("Choco Lab", workspace.Name);
        Assert.Equal(BrandRole.Owner, Assert.Single(workspace.Members).Role);
        Assert.Contains(Roles.BrandMember, await fixture.RolesOfAsync(await EmailOf(owner)));
    }

    [Fact]
    public async Task A_taken_slug_is_refused_on_its_field()
    {
        var owner = await fixture.ConfirmedAsync();
        var slug = Support.Brands.NewSlug();
        await fixture.SendAsync(sender => sender.Send(new CreateBrand.Command("First", slug, null, null)), owner);

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new CreateBrand.Command("Second", slug, null, null)), owner));

        Assert.Equal(["Slug"], error.Errors.Keys);
    }

    [Fact]
    public async Task Bad_brand_details_are_reported_field_by_field()
    {
        var owner = await fixture.ConfirmedAsync();

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new CreateBrand.Command(" ", "Not A Slug", new string('d', 2001), "javascript:alert(1)")), owner));

        Assert.Equal(["Description", "Name", "Slug", "Website"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_invited_editor_joins_with_the_link_and_the_invited_address_only()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        var editor = await fixture.ConfirmedAsync();
        var stranger = await fixture.ConfirmedAsync();
        var token = await InviteAsync(brand, owner, (await EmailOf(editor)).ToUpperInvariant(), BrandRole.Editor);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new AcceptBrandInvitation.Command(token)), stranger));
        Assert.Equal("invitation.other-address", refused.Code);

        await fixture.SendAsync(sender => sender.Send(new AcceptBrandInvitation.Command(token)), editor);
        await fixture.SendAsync(sender => sender.Send(new AcceptBrandInvitation.Command(token)), editor);

        var workspace = await fixture.SendAsync(sender => sender.Send(new GetBrandWorkspace.Query(brand)), editor);
        Assert.Equal(BrandRole.Editor, workspace.MyRole);
        Assert.Equal(2, workspace.Members.Count);
        Assert.Contains(Roles.BrandMember, await fixture.RolesOfAsync(await EmailOf(editor)));
    }

    [Fact]
    public async Task Inviting_again_replaces_the_pending_invitation()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        var email = Support.Accounts.NewEmail("invitee");
        var first = await InviteAsync(brand, owner, email, BrandRole.Editor);
        var second = await InviteAsync(brand, owner, email, BrandRole.Owner);

        var workspace = await fixture.SendAsync(sender => sender.Send(new GetBrandWorkspace.Query(brand)), owner);

        Assert.NotEqual(first, second);
        Assert.Equal(BrandRole.Owner, Assert.Single(workspace.Invitations).Role);
    }

    [Fact]
    public async Task Only_owners_invite_and_strangers_cannot_even_see_the_brand()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        var editor = await fixture.ConfirmedAsync();
        var token = await InviteAsync(brand, owner, await EmailOf(editor), BrandRole.Editor);
        await fixture.SendAsync(sender => sender.Send(new AcceptBrandInvitation.Command(token)), editor);
        var stranger = await fixture.ConfirmedAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new InviteBrandMember.Command(brand, Support.Accounts.NewEmail(), BrandRole.Editor)), editor));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new GetBrandWorkspace.Query(brand)), stranger));
        await Assert.ThrowsAsync<NotFoundException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new UpdateBrand.Command(brand, "Hijacked", Support.Brands.NewSlug(), null, null)), stranger));
    }

    [Fact]
    public async Task A_member_leaves_and_loses_the_brand_member_role_but_the_last_owner_cannot_leave()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        var editor = await fixture.ConfirmedAsync();
        var token = await InviteAsync(brand, owner, await EmailOf(editor), BrandRole.Editor);
        await fixture.SendAsync(sender => sender.Send(new AcceptBrandInvitation.Command(token)), editor);

        await fixture.SendAsync(sender => sender.Send(new RemoveBrandMember.Command(brand, editor.UserId)), editor);
        var lastOwner = await Assert.ThrowsAsync<DomainRuleException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RemoveBrandMember.Command(brand, owner.UserId)), owner));

        Assert.DoesNotContain(Roles.BrandMember, await fixture.RolesOfAsync(await EmailOf(editor)));
        Assert.Equal("brand.last-owner", lastOwner.Code);
    }

    [Fact]
    public async Task Only_an_admin_verifies_a_brand_and_it_is_audited()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        var admin = await fixture.ConfirmedAsync(Roles.Admin);

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new VerifyBrand.Command(brand, true)), owner));
        await fixture.SendAsync(sender => sender.Send(new VerifyBrand.Command(brand, true)), admin);

        Assert.True((await fixture.SendAsync(sender => sender.Send(new GetBrandWorkspace.Query(brand)), owner)).IsVerified);
        var actions = await fixture.DbAsync(db => db.AuditEvents.Where(audit => audit.SubjectId == brand.Value).OrderBy(audit => audit.OccurredAt).Select(audit => audit.Action).ToListAsync());
        Assert.Equal(["brand.created", "brand.verified"], actions);
    }
}
