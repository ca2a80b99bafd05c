using Crowdsource.Application.Accounts;
using Crowdsource.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Crowdsource.Infrastructure.Identity;

internal static class IdentitySetup
{
    /// <summary>Lockout after this many wrong passwords in a row.</summary>
    public const int MaximumFailedAttempts = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    /// <summary>How long a session lasts without use ("remember me" keeps the cookie across browser restarts).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromDays(14);

    public static IServiceCollection AddCrowdsourceIdentity(this IServiceCollection services)
    {
        services
            .AddIdentity<CrowdsourceUser, IdentityRole>(options =>
            {
                // Length and breach checks live in PasswordPolicyValidator; ASVS 5 asks for no composition rules.
                options.Password.RequiredLength = 0;
                options.Password.RequiredUniqueChars = 0;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;

                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaximumFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;

                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedEmail = true;
                options.SignIn.RequireConfirmedAccount = true;
            })
            .AddEntityFrameworkStores<CrowdsourceDbContext>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordPolicyValidator>()
            .AddDefaultTokenProviders()
            .AddSignInManager<CrowdsourceSignInManager>()
            .AddClaimsPrincipalFactory<CrowdsourceClaimsPrincipalFactory>();

        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(24));

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "crowdsource.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = SessionLifetime;

            // A signed-in person without the right gets a real 403 (rendered by the error page), not a redirect.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        // The cookie holds only a session key; the ticket lives in UserSessions, so ending a session is deleting a row.
        services.AddSingleton<DatabaseTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<DatabaseTicketStore>((options, store) => options.SessionStore = store);
        services.AddScoped<IUserSessions, UserSessions>();

        return services;
    }
}
