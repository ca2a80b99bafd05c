using System.Net;
using Crowdsource.Domain.Entries;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Tests.Http;

/// <summary>Headers that give nothing away: private files stay out of every cache, and the server does not name itself.</summary>
public sealed class ResponseHardeningTests(CrowdsourceWebFactory factory) : IClassFixture<CrowdsourceWebFactory>
{
    [Fact]
    public async Task A_private_entry_file_is_sent_with_no_store()
    {
        var challenge = await OpenChallenges.CreateAsync(factory, await factory.AccountAsync());
        var creative = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(creative, await factory.AccountAsync());
        var entryPage = await SubmittedEntries.EnterAsync(creative, challenge);
        var entryId = new EntryId(Guid.Parse(entryPage.Split('/')[^1]));
        await using var scope = factory.Services.CreateAsyncScope();
        var file = await scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>().Entries.AsNoTracking()
            .Where(entry => entry.Id == entryId).SelectMany(entry => entry.Files).SingleAsync();

        var response = await creative.GetAsync(new Uri($"/Entries/{entryId.Value}/files/{file.Id}/{file.FileName}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true, Public: false }, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public void Kestrel_does_not_name_itself_in_a_server_header() =>
        Assert.False(factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.AddServerHeader);
}
