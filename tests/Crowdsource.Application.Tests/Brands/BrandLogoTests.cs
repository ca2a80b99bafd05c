using Crowdsource.Application.Brands;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;
using Crowdsource.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Brands;

public sealed class BrandLogoTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task A_brand_created_with_a_logo_shows_it_to_everyone()
    {
        var owner = await fixture.ConfirmedAsync();
        var slug = Support.Brands.NewSlug();
        var logo = TestFiles.Png(64, 64);

        await fixture.SendAsync(sender => sender.Send(new CreateBrand.Command("Choco Lab", slug, null, null, Uploads.Of("logo.png", logo))), owner);

        var download = await fixture.SendAsync(sender => sender.Send(new GetBrandLogo.Query(slug)));
        Assert.Equal(("logo.png", "image/png", TestFiles.Sha256(logo)), (download.FileName, download.ContentType, download.Sha256));
        Assert.Equal(logo, await fixture.StoredBytesAsync(download.FileId));
    }

    [Fact]
    public async Task A_logo_that_is_not_an_image_stops_the_brand_from_being_created_at_all()
    {
        var owner = await fixture.ConfirmedAsync();
        var slug = Support.Brands.NewSlug();

        var error = await Assert.ThrowsAsync<ValidationException>(async () => await fixture.SendAsync(sender =>
            sender.Send(new CreateBrand.Command("Choco Lab", slug, null, null, Uploads.Of("logo.png", TestFiles.Pdf()))), owner));

        Assert.Single(error.Errors["Logo"]);
        Assert.False(await fixture.DbAsync(db => db.Brands.AnyAsync(brand => brand.Slug == slug)));
    }

    [Fact]
    public async Task Replacing_or_removing_the_logo_deletes_the_old_image()
    {
        var (brand, owner) = await fixture.BrandWithOwnerAsync();
        var slug = await fixture.DbAsync(db => db.Brands.Where(candidate => candidate.Id == brand).Select(candidate => candidate.Slug).SingleAsync());
        async Task<Guid?> LogoAsync() => await fixture.DbAsync(db => db.Brands.Where(candidate => candidate.Id == brand).Select(candidate => candidate.LogoFileId).SingleAsync());

        await fixture.SendAsync(sender => sender.Send(new UpdateBrand.Command(brand, "Choco Lab", slug, null, null, Uploads.Of("a.png", TestFiles.Png(seed: 1)))), owner);
        var first = await LogoAsync();
        await fixture.SendAsync(sender => sender.Send(new UpdateBrand.Command(brand, "Choco Lab", slug, null, null, Uploads.Of("b.png", TestFiles.Png(seed: 2)))), owner);
        var second = await LogoAsync();
        await fixture.SendAsync(sender => sender.Send(new UpdateBrand.Command(brand, "Choco Lab", slug, null, null, RemoveLogo: true)), owner);

        Assert.NotNull(first);
        Assert.NotEqual(first, second);
        Assert.Null(await LogoAsync());
        Assert.False(await fixture.DbAsync(db => db.StoredFiles.AnyAsync(file => file.Id == first || file.Id == second)));
        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender => sender.Send(new GetBrandLogo.Query(slug))));
    }

    [Fact]
    public async Task Only_an_owner_changes_the_logo()
    {
        var (brand, _) = await fixture.BrandWithOwnerAsync();
        var stranger = await fixture.ConfirmedAsync();

        await Assert.ThrowsAsync<NotFoundException>(async () => await fixture.SendAsync(sender =>
            sender.Send(new UpdateBrand.Command(brand, "Mine now", Support.Brands.NewSlug(), null, null, Uploads.Of("x.png", TestFiles.Png()))), stranger));

        Assert.Null(await fixture.DbAsync(db => db.Brands.Where(candidate => candidate.Id == brand).Select(candidate => candidate.LogoFileId).SingleAsync()));
    }
}
