using Crowdsource.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Errors;

/// <summary>
/// The friendly page for 400, 403, 404, 413, 429, 500, 503 and the rest. The status code pages and the exception handler
/// re-execute the original request here as a GET without its body (<see cref="Hosting.RequestBodies"/>); posted to
/// directly, every method is answered and no token is needed.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public string Explanation { get; private set; } = string.Empty;

    /// <summary>The request's trace id, as in the logs: what a person quotes when they report a server error.</summary>
    public string TraceId => System.Diagnostics.Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    public IActionResult OnPut(int code) => Show(code);

    public IActionResult OnDelete(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 500;
        (Title, Explanation) = Code switch
        {
            400 => (UiText.Error400Title, UiText.Error400Text),
            403 => (UiText.Error403Title, UiText.Error403Text),
            404 => (UiText.Error404Title, UiText.Error404Text),
            413 => (UiText.Error413Title, UiText.Error413Text),
            429 => (UiText.Error429Title, UiText.Error429Text),
            503 => (UiText.Error503Title, UiText.Error503Text),
            >= 500 => (UiText.Error500Title, UiText.Error500Text),
            _ => (UiText.ErrorOtherTitle, UiText.ErrorOtherText),
        };

        // Reached directly (not re-executed), the page still answers with the code it describes.
        Response.StatusCode = Code;
        if (Code == StatusCodes.Status503ServiceUnavailable)
        {
            Response.Headers.RetryAfter = Hosting.DatabaseOutage.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Page();
    }
}
