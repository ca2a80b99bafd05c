using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
