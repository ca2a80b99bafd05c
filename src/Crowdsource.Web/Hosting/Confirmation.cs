using Microsoft.AspNetCore.Mvc.Filters;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Marks a page handler whose action cannot be undone (withdraw an entry, record a payment, reject, cancel, announce).
/// It acts only when the post carries <see cref="ConfirmationFilter.Field"/>=true, which the confirm button of the
/// shared partial <c>_ConfirmAction</c> sends; see <see cref="ConfirmationFilter"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class IrreversibleAttribute : Attribute;

/// <summary>
/// The one place that makes irreversible actions ask first, with or without JavaScript: a post to an
/// <see cref="IrreversibleAttribute"/> handler without the explicit confirmation does nothing and shows the page again
/// with that action's confirmation open (what will happen, that it cannot be undone, and the button that does it).
/// Runs inside <see cref="ExceptionMappingFilter"/>, so input the model binding refused is reported first.
/// </summary>
internal sealed class ConfirmationFilter : IAsyncPageFilter
{
    /// <summary>The form field of the confirm button.</summary>
    public const string Field = "confirmed";

    private const string PendingKey = "Crowdsource.ConfirmationPending";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var handler = context.HandlerMethod;
        if (handler is not null && handler.MethodInfo.IsDefined(typeof(IrreversibleAttribute), inherit: false)
            && !await IsConfirmedAsync(context.HttpContext.Request))
        {
            context.HttpContext.Items[PendingKey] = handler.Name ?? string.Empty;
            context.Result = await ExceptionMappingFilter.RedisplayAsync(context.HandlerInstance, context.HttpContext);
            return;
        }

        await next();
    }

    /// <summary>Whether this request posted to <paramref name="handler"/> without confirming (the page shows that confirmation open).</summary>
    public static bool IsPending(HttpContext context, string handler)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(PendingKey, out var pending) && string.Equals(pending as string, handler, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<bool> IsConfirmedAsync(HttpRequest request) =>
        request.HasFormContentType
        && string.Equals((await request.ReadFormAsync(request.HttpContext.RequestAborted))[Field], "true", StringComparison.OrdinalIgnoreCase);
}
