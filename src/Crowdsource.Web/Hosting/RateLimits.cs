using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Crowdsource.Application.Common;
using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Hosting;

/// <summary>Which limits a page's POSTs count against (see <see cref="RateLimitedAttribute"/>).</summary>
public enum RateLimitGroup
{
    /// <summary>Anything that checks a password: log-in, password change.</summary>
    LogIn,

    /// <summary>Anonymous account forms that may send an e-mail or use a token: registration, forgot, reset, resend.</summary>
    AccountForm,

    /// <summary>What a signed-in person does: questions, reports, votes, uploads, entries.</summary>
    Action,
}

/// <summary>Puts a page's POST handlers under the rate limits of <see cref="Group"/>; its GETs stay unlimited.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RateLimitedAttribute(RateLimitGroup group) : Attribute
{
    public RateLimitGroup Group { get; } = group;
}

/// <summary>The limits, per minute, per client address and per target account (README: "Rate limits").</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public int LogInPerAddressPerMinute { get; set; } = 20;

    public int LogInPerAccountPerMinute { get; set; } = 10;

    public int AccountFormsPerAddressPerMinute { get; set; } = 10;

    public int AccountFormsPerAccountPerMinute { get; set; } = 5;

    public int ActionsPerAddressPerMinute { get; set; } = 120;

    public int ActionsPerAccountPerMinute { get; set; } = 60;

    public static TimeSpan Window => TimeSpan.FromMinutes(1);

    public int PerAddress(RateLimitGroup group) => group switch
    {
        RateLimitGroup.LogIn => LogInPerAddressPerMinute,
        RateLimitGroup.AccountForm => AccountFormsPerAddressPerMinute,
        _ => ActionsPerAddressPerMinute,
    };

    public int PerAccount(RateLimitGroup group) => group switch
    {
        RateLimitGroup.LogIn => LogInPerAccountPerMinute,
        RateLimitGroup.AccountForm => AccountFormsPerAccountPerMinute,
        _ => ActionsPerAccountPerMinute,
    };
}

/// <summary>
/// The framework's rate limiter over every POST of a page marked <see cref="RateLimitedAttribute"/>: two fixed
/// windows chained, one per client address (guessing across many accounts from one place) and one per target
/// account (one victim flooded from many places), the account being the signed-in person or the e-mail address
/// typed in the form. Over the limit: 429 with Retry-After, shown by the error page in the visitor's language.
/// </summary>
internal static class RateLimits
{
    private const string TypedEmailItem = "crowdsource.rate-limit.email";

    public static IServiceCollection AddCrowdsourceRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, byAccount: false)),
                PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, byAccount: true)));
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : RateLimitOptions.Window;
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                context.HttpContext.RequestServices.GetRequiredService<CrowdsourceMetrics>().RateLimitRejected(MetricName(GroupOf(context.HttpContext)));
                return ValueTask.CompletedTask;
            };
        });
        return services;
    }

    /// <summary>Reads the e-mail typed in a limited anonymous form (the form is buffered, so the page reads it again), then limits.</summary>
    public static WebApplication UseCrowdsourceRateLimits(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (GroupOf(context) is RateLimitGroup.LogIn or RateLimitGroup.AccountForm
                && context.User.Identity?.IsAuthenticated != true
                && context.Request.HasFormContentType)
            {
                try
                {
                    var form = await context.Request.ReadFormAsync(context.RequestAborted);
                    context.Items[TypedEmailItem] = form["Input.Email"].ToString().Trim().ToUpperInvariant();
                }
                catch (Exception exception) when (exception is InvalidDataException or IOException or BadHttpRequestException)
                {
                    // An unreadable form is limited by address alone; the page answers it as it would anyway.
                }
            }

            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The group as the <c>group</c> tag of crowdsource.rate_limit.rejections shows it.</summary>
    internal static string MetricName(RateLimitGroup? group) => group switch
    {
        RateLimitGroup.LogIn => "log_in",
        RateLimitGroup.AccountForm => "account_form",
        RateLimitGroup.Action => "action",
        _ => "other",
    };

    private static RateLimitGroup? GroupOf(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method)
            ? context.GetEndpoint()?.Metadata.GetMetadata<RateLimitedAttribute>()?.Group
            : null;

    private static RateLimitPartition<string> Partition(HttpContext context, bool byAccount)
    {
        if (GroupOf(context) is not { } group)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var subject = byAccount ? AccountOf(context) : AddressOf(context);
        if (subject is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var limits = context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
        var permits = byAccount ? limits.PerAccount(group) : limits.PerAddress(group);
        return RateLimitPartition.GetFixedWindowLimiter($"{group}|{(byAccount ? "account" : "address")}|{subject}", _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, permits),
            Window = RateLimitOptions.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>The signed-in person, or the address typed in the form; null when neither is known.</summary>
    private static string? AccountOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? context.User.FindFirstValue(ClaimTypes.NameIdentifier)
            : context.Items[TypedEmailItem] is string { Length: > 0 } email ? email : null;

    /// <summary>The client's address (after the forwarded headers); an IPv6 client counts as its /64 network.</summary>
    private static string AddressOf(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return address.ToString();
    }
}
