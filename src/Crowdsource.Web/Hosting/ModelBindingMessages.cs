using System.Globalization;
using Crowdsource.Web.Resources;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// The framework's model-binding messages (a number that is not one, an unknown choice, an empty required value) in
/// the visitor's language: each resource is read when the message is made, during the request. They never repeat
/// the value sent, which may be a megabyte long or made to mislead.
/// </summary>
internal static class ModelBindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetMissingBindRequiredValueAccessor(field => Format(UiText.BindingValueMissingFor, field));
        messages.SetMissingKeyOrValueAccessor(() => UiText.BindingValueMissing);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => UiText.BindingValueMissing);
        messages.SetValueMustNotBeNullAccessor(_ => UiText.BindingValueMissing);
        messages.SetAttemptedValueIsInvalidAccessor((_, field) => Format(UiText.BindingValueInvalidFor, field));
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => UiText.BindingValueInvalid);
        messages.SetUnknownValueIsInvalidAccessor(field => Format(UiText.BindingValueInvalidFor, field));
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => UiText.BindingValueInvalid);
        messages.SetValueIsInvalidAccessor(_ => UiText.BindingValueInvalid);
        messages.SetValueMustBeANumberAccessor(field => Format(UiText.BindingNumberExpectedFor, field));
        messages.SetNonPropertyValueMustBeANumberAccessor(() => UiText.BindingNumberExpected);
    }

    private static string Format(string message, string field) => string.Format(CultureInfo.CurrentCulture, message, field);
}
