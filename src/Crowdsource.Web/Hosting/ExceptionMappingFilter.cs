using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The one place that turns failures into what a person sees: validation errors on their fields, rule failures in
/// the summary (the page is shown again with what was typed), 404 and 403 pages. Input the model binding could not
/// use (a number that is not one, an unknown choice, control characters, a date out of range) never reaches a
/// handler: a GET answers 400, a POST shows the form again with the message on each field, and nothing is sent.
/// </summary>
internal sealed partial class ExceptionMappingFilter(ILogger<ExceptionMappingFilter> logger) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (!context.ModelState.IsValid)
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                // Field names only: the values may carry personal data.
                var fields = string.Join(", ", context.ModelState.Where(entry => entry.Value?.Errors.Count > 0).Select(entry => entry.Key));
                LogInputRefused(logger, context.HttpContext.Request.Method, context.ActionDescriptor.ViewEnginePath, fields);
            }

            context.Result = HttpMethods.IsGet(context.HttpContext.Request.Method) || HttpMethods.IsHead(context.HttpContext.Request.Method)
                ? new BadRequestResult()
                : await RedisplayAsync(context.HandlerInstance, context.HttpContext);
            return;
        }

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

                executed.Result = await RedisplayAsync(executed.HandlerInstance, executed.HttpContext);
                break;
            case DomainRuleException rule:
                executed.ModelState.AddModelError(string.Empty, rule.Message);
                executed.Result = await RedisplayAsync(executed.HandlerInstance, executed.HttpContext);
                break;
            case ConcurrencyConflictException conflict:
                executed.ModelState.AddModelError(string.Empty, conflict.Message);
                executed.Result = await RedisplayAsync(executed.HandlerInstance, executed.HttpContext);
                break;
            case NotFoundException:
                executed.Result = new NotFoundResult();
                break;
            case ForbiddenException:
                executed.Result = Forbidden(executed.HttpContext);
                break;
            default:
                return;
        }

        executed.ExceptionHandled = true;
    }

    /// <summary>The page again, with what its GET loads (<see cref="IRedisplayable"/>); 404 or 403 when the viewer may not see it.</summary>
    internal static async Task<IActionResult> RedisplayAsync(object page, HttpContext context)
    {
        if (page is IRedisplayable redisplayable)
        {
            try
            {
                await redisplayable.PrepareRedisplayAsync(context.RequestAborted);
            }
            catch (NotFoundException)
            {
                // The input was checked before ownership: someone who may not see the page learns nothing, as on a GET.
                return new NotFoundResult();
            }
            catch (ForbiddenException)
            {
                return Forbidden(context);
            }
        }

        return new PageResult();
    }

    private static IActionResult Forbidden(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? new StatusCodeResult(StatusCodes.Status403Forbidden) : new ChallengeResult();

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Page}: input refused by model binding ({Fields})")]
    private static partial void LogInputRefused(ILogger logger, string method, string page, string fields);
}
