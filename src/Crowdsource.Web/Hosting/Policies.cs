namespace Crowdsource.Web.Hosting;

/// <summary>Authorization policies used by the page folder conventions.</summary>
internal static class Policies
{
    /// <summary>Moderators, and admins who stand in for them.</summary>
    public const string Moderation = "Moderation";

    public const string Administration = "Administration";
}
