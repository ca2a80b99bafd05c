using Crowdsource.Application.Accounts;
using Crowdsource.Web.Resources;

namespace Crowdsource.Web.Hosting;

/// <summary>People's display names as shown; a deleted account's placeholder is said in the reader's language.</summary>
public static class PersonNames
{
    public static string Display(string displayName) =>
        displayName == CrowdsourceUser.DeletedDisplayName ? UiText.DeletedAccount : displayName;
}
