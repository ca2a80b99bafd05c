using System.Net;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Crowdsource.Web.Tests.Http;

public sealed class LicencePagesTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    private async Task<HttpClient> SignedInAsync(params string[] roles)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(client, await factory.AccountAsync(roles));
        return client;
    }

    [Theory]
    [InlineData("/Moderation/Licences")]
    [InlineData("/Moderation/PublishLicence")]
    public async Task A_creative_or_a_brand_cannot_open_the_licence_pages(string path)
    {
        var creative = await SignedInAsync(Roles.Creative);

        Assert.Equal(HttpStatusCode.Forbidden, (await creative.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_moderator_publishes_the_next_version_of_a_template_from_its_latest_text()
    {
        var moderator = await SignedInAsync(Roles.Moderator);
        var form = "/Moderation/PublishLicence?from=creative-keeps-rights";
        var page = await Forms.ParseAsync(await moderator.GetAsync(new Uri(form, UriKind.Relative)));
        var fields = page.QuerySelectorAll("form[method='post'] input[name^='Input.'], form[method='post'] textarea[name^='Input.'], form[method='post'] select[name^='Input.']")
            .Where(field => field.GetAttribute("name") is { } name)
            .ToDictionary(field => field.GetAttribute("name")!, field => field.TagName == "TEXTAREA" ? field.TextContent
                : field.TagName == "SELECT" ? field.QuerySelector("option[selected]")?.GetAttribute("value") ?? string.Empty
                : field.GetAttribute("value") ?? string.Empty);
        Assert.Equal("creative-keeps-rights", fields["Input.TemplateKey"]);
        fields["Input.FullTextEn"] += "\n\n6. Contact. Questions go to the platform.";
        fields["From"] = "creative-keeps-rights";

        var response = await Forms.SubmitAsync(moderator, form, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await (await moderator.GetAsync(new Uri("/Moderation/Licences", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("v2", list, StringComparison.Ordinal);
    }
}
