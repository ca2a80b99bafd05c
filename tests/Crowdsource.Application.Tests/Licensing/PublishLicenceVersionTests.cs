using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Licensing;
using Crowdsource.Application.Tests.Support;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Licensing;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Tests.Licensing;

public sealed class PublishLicenceVersionTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    private static PublishLicenceVersion.Command Text(string key, string fullText = "1. Grant. Everything, once paid.") => new(
        key, LicenceScope.NonExclusiveLicence, "Poster licence", "Licence affiche", "Posters for a year.", "Des affiches pour un an.",
        fullText, "1. Cession. Tout, une fois payé.", "Posters", "France", "1 year");

    [Fact]
    public async Task A_moderator_publishes_versions_that_number_themselves_and_carry_the_hash_of_their_text()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var key = $"poster-{Guid.NewGuid():N}"[..20];

        var first = await fixture.SendAsync(sender => sender.Send(Text(key)), moderator);
        var second = await fixture.SendAsync(sender => sender.Send(Text(key, "1. Grant. Everything, once paid in full.")), moderator);

        var versions = await fixture.DbAsync(db => db.LicenceVersions.Where(version => version.TemplateKey == key).OrderBy(version => version.Version).ToListAsync());
        Assert.Equal([(first, 1), (second, 2)], versions.Select(version => (version.Id, version.Version)));
        Assert.Equal(LicenceVersion.HashOf("1. Grant. Everything, once paid in full.", "1. Cession. Tout, une fois payé."), versions[1].TextSha256);
        Assert.NotEqual(versions[0].TextSha256, versions[1].TextSha256);

        var offered = await fixture.SendAsync(sender => sender.Send(new ListLicenceVersions.Query()));
        Assert.Equal([2], offered.Where(choice => choice.TemplateKey == key).Select(choice => choice.Version));
        var keptByADraft = await fixture.SendAsync(sender => sender.Send(new ListLicenceVersions.Query(Including: first)));
        Assert.Equal([2, 1], keptByADraft.Where(choice => choice.TemplateKey == key).Select(choice => choice.Version));
    }

    [Fact]
    public async Task A_published_version_cannot_be_changed_even_in_the_database_and_only_staff_publish()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);
        var creative = await fixture.ConfirmedAsync(Roles.Creative);
        var key = $"poster-{Guid.NewGuid():N}"[..20];
        var id = await fixture.SendAsync(sender => sender.Send(Text(key)), moderator);

        await Assert.ThrowsAnyAsync<Exception>(() => fixture.DbAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "LicenceVersions" SET "FullTextEn" = 'Everything, for free.' WHERE "Id" = {id}""")));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await fixture.SendAsync(sender => sender.Send(Text(key)), creative));

        Assert.Equal("1. Grant. Everything, once paid.", await fixture.DbAsync(db => db.LicenceVersions.Where(version => version.Id == id).Select(version => version.FullTextEn).SingleAsync()));
    }

    [Fact]
    public async Task Empty_texts_and_a_bad_key_are_reported_on_their_fields()
    {
        var moderator = await fixture.ConfirmedAsync(Roles.Moderator);

        var error = await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(Text("Not A Key") with { FullTextFr = " ", TitleEn = "" }), moderator));

        Assert.Equal(["FullTextFr", "TemplateKey", "TitleEn"], error.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
