using Microsoft.Extensions.Options;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Conveniences that exist only in the Development environment, whatever the settings say: the mailbox at
/// /Development/Mailbox lists every e-mail, reset links included, to anyone who asks, so outside Development it is off.
/// The page, the layout's link and the start-up banner all read <see cref="CrowdsourceOptions.DevelopmentMailbox"/>.
/// </summary>
internal sealed class DevelopmentOnly(IHostEnvironment environment) : IPostConfigureOptions<CrowdsourceOptions>
{
    public void PostConfigure(string? name, CrowdsourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.DevelopmentMailbox &= environment.IsDevelopment();
    }
}
