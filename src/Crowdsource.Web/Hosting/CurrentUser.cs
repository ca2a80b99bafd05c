using System.Security.Claims;
using Crowdsource.Application.Common;

namespace Crowdsource.Web.Hosting;

/// <summary>The signed-in person of the current request, from the authentication cookie's claims.</summary>
internal sealed class CurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? Id => Principal?.Identity?.IsAuthenticated == true
        ? Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        : null;

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;
}
