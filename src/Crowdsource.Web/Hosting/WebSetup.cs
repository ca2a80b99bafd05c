using System.Globalization;
using System.Security.Claims;
using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Accounts;
using Crowdsource.Web.Files;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Events;

namespace Crowdsource.Web.Hosting;

internal static class WebSetup
{
    public static WebApplicationBuilder AddCrowdsourceLogging(this WebApplicationBuilder builder)
    {
        // preserveStaticLogger: several hosts (the tests) may live in one process.
        // The configuration as the host finally has it (tests and hosts may add to it after this line).
        builder.Services.AddSerilog((services, logger) =>
            {
                var configuration = services.GetRequiredService<IConfiguration>();
                logger
                    .ReadFrom.Configuration(configuration)
                    .ReadFrom.Services(services) // sinks registered in DI (the tests' capture)
                    .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                    .Enrich.FromLogContext();
                // Logging:Json = true writes one JSON object per line (for a log collector) instead of text.
                if (configuration.GetValue<bool>("Logging:Json"))
                {
                    logger.WriteTo.Console(new Serilog.Formatting.Compact.RenderedCompactJsonFormatter());
                }
                else
                {
                    logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
                }
            },
            preserveStaticLogger: true);
        return builder;
    }

    public static IServiceCollection AddCrowdsourceWeb(this IServiceCollection services)
    {
        services.AddOptions<CrowdsourceOptions>().BindConfiguration(CrowdsourceOptions.Section).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<CrowdsourceOptions>, PublicBaseUrl>();
        services.AddSingleton<IValidateOptions<CrowdsourceOptions>, PublicBaseUrl>();
        services.AddSingleton<IPostConfigureOptions<CrowdsourceOptions>, DevelopmentOnly>();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, CurrentUser>();
        services.AddScoped<IRequestOrigin, HttpRequestOrigin>();
        services.AddScoped<ISiteLinks, SiteLinks>();
        services.AddScoped<ViewerTime>();
        services.AddCrowdsourceRateLimits();
        services.AddPublicPageCache();
        ShutdownDrain.AddTo(services);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false); // no "Server: Kestrel"

        // Role changes reach a signed-in person's cookie within a minute.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Moderation, policy => policy.RequireRole(Roles.Moderator, Roles.Admin))
            .AddPolicy(Policies.Administration, policy => policy.RequireRole(Roles.Admin));

        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.All.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddRazorPages(options =>
            {
                options.Conventions.AuthorizeFolder("/Account/Manage");
                options.Conventions.AuthorizeFolder("/Moderation", Policies.Moderation);
                options.Conventions.AuthorizeFolder("/Admin", Policies.Administration);
                options.Conventions.AuthorizeFolder("/Brands");
                options.Conventions.AuthorizePage("/Entries/Index");
                options.Conventions.AuthorizeFolder("/Notifications");
                options.Conventions.AuthorizePage("/Entries/Submit");
                options.Conventions.AuthorizePage("/Entries/Edit");
                options.Conventions.AuthorizePage("/Challenges/Edit");
                options.Conventions.AuthorizePage("/Challenges/Files");
                options.Conventions.AuthorizePage("/Challenges/Funding");
            })
            .AddMvcOptions(options =>
            {
                options.Filters.Add<ExceptionMappingFilter>();
                options.Filters.Add<UnmatchedHandlerFilter>();
                options.Filters.Add<ConfirmationFilter>();
                options.ModelMetadataDetailsProviders.Add(new EmptyStringsStayEmpty());
                options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                UsableValueBinderProvider.AddTo(options.ModelBinderProviders);
                ModelBindingMessages.Localize(options.ModelBindingMessageProvider);
            })
            .AddDataAnnotationsLocalization();

        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<CrowdsourceOptions>>((options, crowdsource) => crowdsource.Value.ForwardedHeaders.ApplyTo(options));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "crowdsource.antiforgery";
            options.HeaderName = "X-CSRF-TOKEN";
        });
        return services;
    }

    public static WebApplication UseCrowdsourcePipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Errors/500");
            app.UseHsts();
        }
        else
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Errors/{0}");
        app.UseErrorPagesWithoutRequestBody();
        app.UseUnreadableBodiesAsClientErrors();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Links carry a fingerprint (asp-append-version: ?v=hash of the content): such a file never changes.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl =
                file.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
        // One line per request: the path without its query string (which may carry personal data), never a body.
        app.UseSerilogRequestLogging(options =>
        {
            // The site's logger: the static one stays silent (preserveStaticLogger), and every request went unlogged.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate =
                "HTTP {RequestMethod} {RequestPath} ({RoutePattern}) responded {StatusCode} in {Elapsed:0.0} ms for {UserId} trace {TraceId}";
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                diagnostics.Set("UserId", context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous");
                diagnostics.Set("RoutePattern", (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "-");
                diagnostics.Set("TraceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
            };
        });
        app.UseDatabaseOutagePage();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseCrowdsourceRateLimits();
        app.UseAuthorization();
        app.UseOutputCache(); // after authentication: the public page policy never keeps a signed-in page

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapRazorPages();
        app.MapUploads();
        return app;
    }
}
