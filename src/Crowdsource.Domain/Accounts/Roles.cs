namespace Crowdsource.Domain.Accounts;

/// <summary>The platform roles (ASP.NET Core Identity role names). Brand membership is separate, per brand.</summary>
public static class Roles
{
    /// <summary>Everyone who signs up.</summary>
    public const string Creative = "Creative";

    /// <summary>Belongs to at least one brand.</summary>
    public const string BrandMember = "BrandMember";

    /// <summary>Platform staff who review challenges and judge entries.</summary>
    public const string Moderator = "Moderator";

    /// <summary>Manages moderators and verifies brands.</summary>
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Creative, BrandMember, Moderator, Admin];

    /// <summary>Roles that an admin grants by hand; the others follow from what a person does.</summary>
    public static IReadOnlyList<string> GrantedByAdmin { get; } = [Moderator, Admin];
}
