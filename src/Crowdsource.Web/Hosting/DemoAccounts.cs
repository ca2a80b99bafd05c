using Crowdsource.Application.Administration;
using Crowdsource.Domain.Accounts;

namespace Crowdsource.Web.Hosting;

/// <summary>One account per role, so a newcomer can try every side of the platform. Printed at start-up.</summary>
internal static class DemoAccounts
{
    public const string BrandOwnerEmail = "brand@crowdsource.local";

    public const string CreativeEmail = "creative@crowdsource.local";

    public const string SecondCreativeEmail = "camille@crowdsource.local";

    public const string ModeratorEmail = "moderator@crowdsource.local";

    public const string AdminEmail = "admin@crowdsource.local";

    public static IReadOnlyList<EnsureAccount.Command> All { get; } =
    [
        new(AdminEmail, "Ada Admin", "demo passphrase for ada", [Roles.Admin, Roles.Moderator]),
        new(ModeratorEmail, "Maud Moderator", "demo passphrase for maud", [Roles.Moderator]),
        new(BrandOwnerEmail, "Bruno Brand", "demo passphrase for bruno", [Roles.BrandMember]),
        new(CreativeEmail, "Chloé Creative", "demo passphrase for chloe", [Roles.Creative]),
        new(SecondCreativeEmail, "Camille Colour", "demo passphrase for cam", [Roles.Creative]),
    ];
}
