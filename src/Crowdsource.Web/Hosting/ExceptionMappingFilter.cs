using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The one place that turns use-case exceptions into what a person sees: validation errors on their fields,
/// rule failures in the summary (the page is shown again with what was typed), 404 and 403 pages.
/// </summary>
internal sealed class ExceptionMappingFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var executed = await next();
        if (executed.Exception is null || executed.ExceptionHandled)
        {
            return;
        }

        switch (executed.Exception)
        {
            case ValidationException validation:
                foreach (var (property, messages) in validation.Errors)
                {
                    var key = property.Length == 0 ? string.Empty : $"Input.{property}";
                    foreach (var message in messages)
                    {
                        executed.ModelState.AddModelError(key, message);
                    }
                }

                executed.Result = await RedisplayAsync(executed);
                break;
            case DomainRuleException rule:
                executed.ModelState.AddModelError(string.Empty, rule.Message);
                executed.Result = await RedisplayAsync(executed);
                break;
            case ConcurrencyConflictException conflict:
                executed.ModelState.AddModelError(string.Empty, conflict.Message);
                executed.Result = await RedisplayAsync(executed);
                break;
            case NotFoundException:
                executed.Result = new NotFoundResult();
                break;
            case ForbiddenException:
                executed.Result = executed.HttpContext.User.Identity?.IsAuthenticated == true
                    ? new StatusCodeResult(StatusCodes.Status403Forbidden)
                    : new ChallengeResult();
                break;
            default:
                return;
        }

        executed.ExceptionHandled = true;
    }

    private static async Task<IActionResult> RedisplayAsync(PageHandlerExecutedContext executed)
    {
        if (executed.HandlerInstance is IRedisplayable page)
        {
            try
            {
                await page.PrepareRedisplayAsync(executed.HttpContext.RequestAborted);
            }
            catch (NotFoundException)
            {
                // The input was checked before ownership: someone who may not see the page learns nothing, as on a GET.
                return new NotFoundResult();
            }
        }

        return new PageResult();
    }
}
