using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Brands;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>Role names as people read them, in their language.</summary>
public static class RoleNames
{
    public static string Describe(string role) => role switch
    {
        Roles.Creative => UiText.RoleCreative,
        Roles.BrandMember => UiText.RoleBrandMember,
        Roles.Moderator => UiText.RoleModerator,
        Roles.Admin => UiText.RoleAdmin,
        _ => role,
    };

    public static string Describe(BrandRole role) => role == BrandRole.Owner ? UiText.BrandRoleOwner : UiText.BrandRoleEditor;
}
