using Crowdsource.Application.Accounts;
using Crowdsource.Web.Hosting;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages;

/// <summary>
/// The language switch: remembers the choice in a cookie for a year and goes back where the person was. Without an
/// antiforgery token, so that public pages carry none: a forged post can only change the language of the page shown
/// next (and go back to a local address), nothing worth a token on every page.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public IActionResult OnPost(string? culture, [ModelBinder(typeof(ReturnAddressBinder))] string? returnUrl)
    {
        var chosen = SupportedCultures.Normalize(culture);
        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });
        return LocalRedirect(returnUrl ?? "/");
    }
}
