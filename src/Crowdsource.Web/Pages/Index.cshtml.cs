using Crowdsource.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Crowdsource.Web.Pages;

[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
