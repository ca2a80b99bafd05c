using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Crowdsource.Domain.Accounts;
using Crowdsource.Infrastructure.Persistence;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Crowdsource.Web.Tests.Http;

/// <summary>
/// Hostile values sent to every GET parameter and every form field of every page that binds input, found from the
/// running site (its page endpoints, their handlers and what they bind), so a new page is covered without a line
/// here. As a visitor and as each kind of account, with real ids where a route needs one. Nothing may answer 5xx,
/// and a form whose values the site must refuse is never "saved" (no redirect to the next page).
/// </summary>
public sealed partial class HostileInputFuzzTests(CrowdsourceWebFactory factory, ITestOutputHelper output) : IClassFixture<CrowdsourceWebFactory>
{
    private static readonly string TenKilobytes = new('x', 10 * 1024);

    private static readonly string OneMegabyte = new('y', 1024 * 1024);

    /// <summary>Sent to every field. The megabyte only goes in bodies: no server takes a request line that long.</summary>
    private static readonly string[] HostileValues =
    [
        "\0", "tea\u0001\u001b[31m\u007f", TenKilobytes, OneMegabyte, "-1", "99999999999", "1e30", "NaN", "Infinity",
        "0001-01-01T00:00:00+02:00", "9999-12-31T23:59:59-05:00", "999", "Bogus", "{not-a-guid}", "../../etc/passwd",
        "<script>alert(1)</script>", "' OR 1=1 --", "\u202Egnp.exe\u202C", "🎉👩🏽‍🎨",
    ];

    [Fact]
    public async Task No_hostile_value_in_any_field_of_any_page_answers_a_server_error_or_is_saved()
    {
        var scene = await SceneAsync();
        var pages = await PagesWithInputAsync(scene);
        Assert.Contains(pages, page => page.Path == "/Challenges/Edit");
        Assert.Contains(pages, page => page.Path == "/Challenges/Index");
        Assert.Contains(pages, page => page.Path == "/Account/Login");

        // The visitor and the account whose role the page is for, side by side.
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var requests = 0;
        await Task.WhenAll(scene.Visitors.Select(async visitor =>
        {
            var token = await BrandPages.TokenAsync(visitor.Client);
            foreach (var page in pages.Where(page => visitor.Who == "visitor" || visitor.Who == RoleFor(page.Path)))
            {
                foreach (var handler in page.Handlers)
                {
                    foreach (var value in HostileValues.Where(value => !handler.IsGet || value.Length <= TenKilobytes.Length))
                    {
                        Interlocked.Increment(ref requests);
                        var response = await SendAsync(visitor.Client, page, handler, value, token);
                        if (Failure(response, handler, value) is { } failure)
                        {
                            failures.Add($"{failure}: {visitor.Who} {(handler.IsGet ? "GET" : "POST")} {page.Url}{(handler.Name is null ? string.Empty : $"?handler={handler.Name}")} [{Shorten(value)}] -> {(int)response.StatusCode} {response.Headers.Location}");
                        }
                    }
                }
            }
        }));

        output.WriteLine($"{pages.Count} pages, {pages.Sum(page => page.Handlers.Count)} handlers, {requests} requests");
        foreach (var failure in failures.Order(StringComparer.Ordinal))
        {
            output.WriteLine(failure);
        }

        Assert.Empty(failures);
    }

    private static string? Failure(HttpResponseMessage response, FuzzedHandler handler, string value)
    {
        var status = (int)response.StatusCode;
        var refused = handler.Fields.Any(field => field.Refuses(value));
        var toLogIn = response.Headers.Location?.OriginalString.Contains("/Account/Login", StringComparison.Ordinal) == true;
        return status >= 500 ? "server error"
            : refused && status is >= 300 and < 400 && !toLogIn ? "refused value went through"
            : refused && handler.IsGet && status == 200 ? "refused link answered 200"
            : null;
    }

    /// <summary>The kind of account a page is for; every other page is tried as a creative.</summary>
    private static string RoleFor(string page) => page switch
    {
        _ when page.StartsWith("/Admin/", StringComparison.Ordinal) => "admin",
        _ when page.StartsWith("/Moderation/", StringComparison.Ordinal) => "moderator",
        _ when page.StartsWith("/Brands/", StringComparison.Ordinal) || page is "/Challenges/Edit" or "/Challenges/Files" => "brand member",
        _ => "creative",
    };

    [Fact]
    public async Task Every_page_that_binds_input_is_found_from_the_running_site()
    {
        var scene = await SceneAsync(visitorsOnly: true);
        var pages = await PagesWithInputAsync(scene);

        var found = pages.Select(page => page.Path).ToHashSet();
        var modelsWithInput = typeof(Program).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(PageModel)) && type.GetProperties().Any(property => property.GetCustomAttribute<BindPropertyAttribute>() is not null))
            .Select(type => type.FullName!.Replace("Crowdsource.Web.Pages", string.Empty, StringComparison.Ordinal).Replace('.', '/')[..^"Model".Length]);
        Assert.All(modelsWithInput, path => Assert.Contains(path, found));
        Assert.Contains(pages.Single(page => page.Path == "/Challenges/Edit").Handlers, handler =>
            handler.Name == "Save" && handler.Fields.Any(field => field.Name == "Input.PrizeAmounts[0]") && handler.Fields.Any(field => field.Name == "Input.Criteria[0].Weight"));
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, FuzzedPage page, FuzzedHandler handler, string value, string token)
    {
        var query = string.Join('&', handler.Fields.Where(field => handler.IsGet || field.InQuery)
            .Select(field => $"{Uri.EscapeDataString(field.Name)}={Uri.EscapeDataString(value)}")
            .Prepend(handler.Name is null ? string.Empty : $"handler={handler.Name}")
            .Where(part => part.Length > 0));
        var target = new Uri(query.Length == 0 ? page.Url : $"{page.Url}?{query}", UriKind.Relative);
        if (handler.IsGet)
        {
            return await client.GetAsync(target);
        }

        // Multipart, so a NUL reaches the binding of each field (an encoded form with %00 is refused whole by the
        // framework's form reader; BadInputTests covers that one).
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var field in handler.Fields.Where(field => !field.InQuery))
        {
            content.Add(new StringContent(value, Encoding.UTF8), field.Name);
        }

        return await client.PostAsync(target, content);
    }

    private static string Shorten(string value) =>
        value.Length > 40 ? $"{value.Length} chars" : string.Concat(value.Select(character => char.IsControl(character) ? $"\\u{(int)character:x4}" : character.ToString()));

    /// <summary>Every Razor page endpoint with the handlers that bind something, each with its fields, and the page's URL with real ids.</summary>
    private async Task<List<FuzzedPage>> PagesWithInputAsync(Scene scene)
    {
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var pages = new Dictionary<string, FuzzedPage>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor || pages.ContainsKey(descriptor.ViewEnginePath))
            {
                continue;
            }

            var compiled = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var routeValues = endpoint.RoutePattern.Parameters.Select(parameter => parameter.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var handlers = new List<FuzzedHandler>();
            foreach (var method in compiled.HandlerMethods)
            {
                var isGet = method.HttpMethod.Equals("Get", StringComparison.OrdinalIgnoreCase);
                var fields = compiled.BoundProperties.OfType<PageBoundPropertyDescriptor>()
                    .Where(property => property.BindingInfo?.BindingSource != BindingSource.Path && (!isGet || BindsOnGet(property.Property)))
                    .SelectMany(property => Fields(property.BindingInfo?.BinderModelName ?? property.Name, property.ParameterType, property.Property, 0)
                        .Select(field => field with
                        {
                            InQuery = property.BindingInfo?.BindingSource == BindingSource.Query,
                            Forgets = property.BindingInfo?.BinderType == typeof(ReturnAddressBinder),
                        }))
                    .Concat(method.Parameters
                        .Where(parameter => parameter.BindingInfo?.BindingSource != BindingSource.Path && parameter.BindingInfo?.BindingSource != BindingSource.Services)
                        .SelectMany(parameter => Fields(parameter.BindingInfo?.BinderModelName ?? parameter.Name, parameter.ParameterType, null, 0)
                            .Select(field => field with
                            {
                                InQuery = parameter.BindingInfo?.BindingSource == BindingSource.Query,
                                Forgets = parameter.BindingInfo?.BinderType == typeof(ReturnAddressBinder),
                            })))
                    .Where(field => !routeValues.Contains(field.Name)) // the route's value wins over a field of the same name
                    .ToList();
                if (fields.Count > 0)
                {
                    handlers.Add(new FuzzedHandler(isGet, method.Name, fields));
                }
            }

            if (handlers.Count > 0)
            {
                pages[descriptor.ViewEnginePath] = new FuzzedPage(descriptor.ViewEnginePath, Url(endpoint.RoutePattern.RawText!, descriptor.ViewEnginePath, scene), handlers);
            }
        }

        return [.. pages.Values.OrderBy(page => page.Path, StringComparer.Ordinal)];
    }

    private static bool BindsOnGet(PropertyInfo property) =>
        property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet == true || property.GetCustomAttribute<FromQueryAttribute>() is not null;

    /// <summary>The form or query names a value of this type binds from: itself when simple, its properties when an object, its first row when a list.</summary>
    private static IEnumerable<FuzzedField> Fields(string name, Type type, PropertyInfo? property, int depth)
    {
        var simple = Nullable.GetUnderlyingType(type) ?? type;
        if (typeof(IFormFile).IsAssignableFrom(simple) || typeof(IEnumerable<IFormFile>).IsAssignableFrom(simple) || simple == typeof(CancellationToken) || depth > 3)
        {
            return [];
        }

        if (simple == typeof(string) || simple.IsPrimitive || simple.IsEnum || simple == typeof(decimal) || simple == typeof(Guid)
            || simple == typeof(DateTimeOffset) || simple == typeof(DateTime) || simple == typeof(TimeSpan))
        {
            return [new FuzzedField(name, simple, property?.GetCustomAttribute<DateTimeInputAttribute>() is not null)];
        }

        var element = simple.IsArray ? simple.GetElementType()
            : simple.IsGenericType && simple.GetGenericArguments() is [var only] && typeof(IEnumerable<>).MakeGenericType(only).IsAssignableFrom(simple) ? only
            : null;
        if (element is not null)
        {
            return Fields($"{name}[0]", element, property, depth + 1);
        }

        return simple.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(child => child.SetMethod?.IsPublic == true)
            .SelectMany(child => Fields($"{name}.{child.Name}", child.PropertyType, child, depth + 1));
    }

    /// <summary>The page's URL: each route value filled with a real id of the scene (or a made-up one), optional ones left out.</summary>
    private static string Url(string template, string page, Scene scene) =>
        "/" + RouteValue().Replace(template, match => match.Groups["name"].Value switch
        {
            _ when match.Groups["optional"].Success => string.Empty,
            "code" => "400",
            "slug" => scene.BrandSlug,
            "id" when page.StartsWith("/Showcase/", StringComparison.Ordinal) => scene.CreativeId,
            "id" when page is "/Challenges/Edit" or "/Challenges/Files" => scene.Draft.ToString(),
            "id" when page is "/Brands/Winners" or "/Moderation/Judging" => scene.Judged.ChallengeId.ToString(),
            "id" when page is "/Moderation/Score" => scene.Judged.Entries[0].ToString(),
            "id" when page.StartsWith("/Entries/", StringComparison.Ordinal) => scene.Entry.ToString(),
            "id" when page.StartsWith("/Brands/", StringComparison.Ordinal) => scene.Brand.ToString(),
            "id" when page.StartsWith("/Notifications/", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
            "id" => scene.OpenChallenge.ToString(),
            _ => Guid.NewGuid().ToString(),
        }).TrimEnd('/');

    [GeneratedRegex(@"\{(?<name>[a-zA-Z]+)(:[^}?]+)?(?<optional>\?)?\}")]
    private static partial Regex RouteValue();

    /// <summary>
    /// A visitor and one account of each kind, signed in, with what they own: a brand and its draft, an open challenge
    /// with a creative's entry, a challenge in judging with the moderator on its panel.
    /// </summary>
    private async Task<Scene> SceneAsync(bool visitorsOnly = false)
    {
        var creative = await factory.AccountAsync();
        var owner = await factory.AccountAsync();
        var moderator = await factory.AccountAsync(Roles.Moderator);
        var admin = await factory.AccountAsync(Roles.Admin, Roles.Moderator);
        var clients = new Dictionary<string, TestAccount?> { ["visitor"] = null };
        if (!visitorsOnly)
        {
            clients["creative"] = creative;
            clients["brand member"] = owner;
            clients["moderator"] = moderator;
            clients["admin"] = admin;
        }

        var visitors = new List<(string, HttpClient)>();
        foreach (var (who, account) in clients)
        {
            var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            if (account is not null)
            {
                await Forms.SignInAsync(client, account);
            }

            visitors.Add((who, client));
        }

        var ownerClient = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(ownerClient, owner);
        var creativeClient = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        await Forms.SignInAsync(creativeClient, creative);
        var brand = await BrandPages.CreateBrandAsync(ownerClient, "Fuzz Lab");
        var draft = await BrandPages.StartDraftAsync(ownerClient, brand, "Fuzzed draft");
        var open = await OpenChallenges.CreateAsync(factory, owner, title: "Fuzzed open challenge");
        var entryPage = await SubmittedEntries.EnterAsync(creativeClient, open);
        var judged = await JudgedChallenges.CreateAsync(factory.Services, owner, moderator, [creative, await factory.AccountAsync()]);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CrowdsourceDbContext>();
        var slug = await db.Brands.Where(candidate => candidate.Id == new Domain.Brands.BrandId(brand)).Select(candidate => candidate.Slug).SingleAsync();
        var creativeId = await db.Users.Where(user => user.Email == creative.Email).Select(user => user.Id).SingleAsync();
        return new Scene(visitors, brand, slug, draft, Guid.Parse(open.Split('/')[2]), Guid.Parse(entryPage.Split('/')[2]), judged, creativeId);
    }

    private sealed record Scene(IReadOnlyList<(string Who, HttpClient Client)> Visitors, Guid Brand, string BrandSlug, Guid Draft,
        Guid OpenChallenge, Guid Entry, JudgedChallenge Judged, string CreativeId);

    private sealed record FuzzedPage(string Path, string Url, IReadOnlyList<FuzzedHandler> Handlers);

    private sealed record FuzzedHandler(bool IsGet, string? Name, IReadOnlyList<FuzzedField> Fields);

    // Forgets: a return address (ReturnAddressBinder): a value it cannot use is forgotten, never refused.
    private sealed record FuzzedField(string Name, Type Type, bool IsDateInput, bool InQuery = false, bool Forgets = false)
    {
        /// <summary>Whether the site must refuse this value in this field rather than use it.</summary>
        public bool Refuses(string value)
        {
            if (Forgets)
            {
                return false;
            }

            if (value.Any(character => character is < ' ' and not ('\t' or '\n' or '\r') or '\u007f'))
            {
                return true;
            }

            if (Type == typeof(string))
            {
                return IsDateInput && !DateTime.TryParseExact(value, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            }

            if (Type.IsEnum)
            {
                return !Enum.TryParse(Type, value, ignoreCase: true, out var parsed) || !Enum.IsDefined(Type, parsed!);
            }

            try
            {
                var converted = TypeDescriptor.GetConverter(Type).ConvertFromInvariantString(value);
                return converted is DateTimeOffset instant && instant.UtcDateTime.Year is < 2000 or > 2100;
            }
            catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException or NotSupportedException)
            {
                return true;
            }
        }
    }
}
