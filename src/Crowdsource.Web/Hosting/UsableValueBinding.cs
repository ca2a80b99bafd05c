using System.Globalization;
using Crowdsource.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// Binds every text and every instant (query, route or form, page property or handler parameter, alone or in a
/// list) as the framework does, then refuses what the site cannot use: text with control characters
/// (<see cref="ControlCharacters"/>) and instants outside <see cref="InputDates"/>. A refusal is a model-binding
/// error on the field, which <see cref="ExceptionMappingFilter"/> turns into a 400 for a GET and a redisplayed form
/// for a POST. Accepted instants are converted to UTC, the only offset PostgreSQL's timestamptz takes; line ends become LF. A yes/no
/// value that is neither is forgotten once refused, so the checkbox shown again with the message can be drawn.
/// </summary>
internal sealed class UsableValueBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
        return type == typeof(string) || type == typeof(DateTimeOffset) || type == typeof(bool)
            ? new UsableValueBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
            : null;
    }

    /// <summary>Takes its place just before the framework's binder for simple types, after the header, body and services ones.</summary>
    public static void AddTo(IList<IModelBinderProvider> providers)
    {
        var simpleTypes = providers.Select((provider, index) => (provider, index)).First(pair => pair.provider is SimpleTypeModelBinderProvider).index;
        providers.Insert(simpleTypes, new UsableValueBinderProvider());
    }
}

internal sealed class UsableValueBinder(IModelBinder framework) : IModelBinder
{
    public async Task BindModelAsync(ModelBindingContext bindingContext)
    {
        ArgumentNullException.ThrowIfNull(bindingContext);
        await framework.BindModelAsync(bindingContext);
        if (!bindingContext.Result.IsModelSet)
        {
            // A checkbox is drawn from the value sent when there is one, and "Bogus" cannot be drawn (FormatException).
            if (bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry) && entry.Errors.Count > 0)
            {
                entry.RawValue = null;
            }

            return;
        }

        switch (bindingContext.Result.Model)
        {
            case string text when ControlCharacters.AreIn(text):
                Refuse(bindingContext, UiText.InputHasControlCharacters, UiText.InputValueHasControlCharacters);
                break;
            case string text when text.Contains('\r', StringComparison.Ordinal):
                // Browsers send a text area's lines ended by CR LF: kept as LF, so the text shown again is the text typed.
                var lines = text.ReplaceLineEndings("\n");
                bindingContext.ModelState.SetModelValue(bindingContext.ModelName, lines, lines);
                bindingContext.Result = ModelBindingResult.Success(lines);
                break;
            case DateTimeOffset instant when !InputDates.Accepts(instant):
                Refuse(bindingContext, UiText.InputDateOutOfRange, UiText.InputValueDateOutOfRange);
                break;
            case DateTimeOffset instant:
                bindingContext.Result = ModelBindingResult.Success(instant.ToUniversalTime());
                break;
        }
    }

    private static void Refuse(ModelBindingContext bindingContext, string fieldMessage, string valueMessage)
    {
        var metadata = bindingContext.ModelMetadata;
        var message = metadata.MetadataKind == ModelMetadataKind.Type
            ? valueMessage
            : fieldMessage;
        bindingContext.ModelState.TryAddModelError(bindingContext.ModelName, string.Format(CultureInfo.CurrentCulture, message,
            metadata.GetDisplayName(), InputDates.Earliest.Year, InputDates.Latest.Year));
        bindingContext.Result = ModelBindingResult.Failed();
    }
}
