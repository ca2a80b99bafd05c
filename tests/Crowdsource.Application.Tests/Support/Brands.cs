using Crowdsource.Application.Brands;
using Crowdsource.Domain.Brands;

namespace Crowdsource.Application.Tests.Support;

internal static class Brands
{
    public static string NewSlug() => $"brand-{Guid.NewGuid():N}"[..24];

    /// <summary>A brand owned by a new confirmed account.</summary>
    public static async Task<(BrandId Brand, Actor Owner)> BrandWithOwnerAsync(this ApplicationFixture fixture)
    {
        var owner = await fixture.ConfirmedAsync();
        var brand = await fixture.SendAsync(sender => sender.Send(new CreateBrand.Command("Choco Lab", NewSlug(), "We make chocolate.", "https://choco.example")), owner);
        return (brand, owner with { Roles = [.. owner.Roles, "BrandMember"] });
    }
}
