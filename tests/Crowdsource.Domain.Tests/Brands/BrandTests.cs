using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Tests.Brands;

public sealed class BrandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Brand NewBrand() => Brand.Create("Choco Lab", "choco-lab", "We make chocolate.", new Uri("https://choco.example"), "owner", Now);

    [Fact]
    public void The_creator_becomes_the_owner()
    {
        var brand = NewBrand();

        Assert.True(brand.IsOwner("owner"));
        Assert.False(brand.IsVerified);
    }

    [Fact]
    public void The_last_owner_can_neither_leave_nor_become_an_editor()
    {
        var brand = NewBrand();
        brand.AddMember("editor", BrandRole.Editor, Now);

        Assert.Equal("brand.last-owner", Assert.Throws<DomainRuleException>(() => brand.RemoveMember("owner")).Code);
        Assert.Equal("brand.last-owner", Assert.Throws<DomainRuleException>(() => brand.ChangeRole("owner", BrandRole.Editor)).Code);
        Assert.True(brand.IsOwner("owner"));
    }

    [Fact]
    public void An_owner_may_leave_once_someone_else_owns_the_brand()
    {
        var brand = NewBrand();
        brand.AddMember("second", BrandRole.Owner, Now);

        brand.RemoveMember("owner");

        Assert.False(brand.IsMember("owner"));
        Assert.True(brand.IsOwner("second"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Choco Lab")]
    [InlineData("choco--lab")]
    [InlineData("-choco")]
    public void A_slug_must_be_lower_case_words_joined_by_single_hyphens(string slug)
    {
        Assert.Equal("brand.invalid-slug", Assert.Throws<DomainRuleException>(() =>
            Brand.Create("Choco", slug, string.Empty, null, "owner", Now)).Code);
    }

    [Fact]
    public void Slugs_are_made_from_names_without_accents()
    {
        Assert.Equal("creme-brulee-co", Slug.From("Crème Brûlée & Co"));
    }

    [Fact]
    public void A_website_must_be_a_web_address()
    {
        Assert.Equal("brand.invalid-website", Assert.Throws<DomainRuleException>(() =>
            Brand.Create("Choco", "choco", string.Empty, new Uri("javascript:alert(1)"), "owner", Now)).Code);
    }

    [Fact]
    public void An_invitation_is_accepted_once_by_the_invited_address_before_it_expires()
    {
        var brand = NewBrand();
        var (invitation, token) = BrandInvitation.Create(brand.Id, "Editor@Example.com", BrandRole.Editor, "owner", Now);

        Assert.Equal(BrandInvitation.Hash(token), invitation.TokenHash);
        Assert.Equal("invitation.other-address", Assert.Throws<DomainRuleException>(() =>
            invitation.Accept(brand, "intruder", "intruder@example.com", Now)).Code);

        invitation.Accept(brand, "editor", "editor@example.com", Now.AddDays(1));
        Assert.Equal(BrandRole.Editor, brand.RoleOf("editor"));
        Assert.Equal("invitation.not-pending", Assert.Throws<DomainRuleException>(() =>
            invitation.Accept(brand, "editor", "editor@example.com", Now.AddDays(1))).Code);
    }

    [Fact]
    public void An_expired_invitation_cannot_be_accepted()
    {
        var brand = NewBrand();
        var (invitation, _) = BrandInvitation.Create(brand.Id, "late@example.com", BrandRole.Owner, "owner", Now);

        Assert.Throws<DomainRuleException>(() => invitation.Accept(brand, "late", "late@example.com", Now + BrandInvitation.Lifetime));
        Assert.False(brand.IsMember("late"));
    }
}
