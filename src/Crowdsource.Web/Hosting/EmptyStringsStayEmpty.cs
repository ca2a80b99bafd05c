using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// An empty text field binds as "" rather than null, so input models can use non-nullable strings and the
/// use-case validators (not MVC's implicit [Required] in English) say what is missing.
/// </summary>
internal sealed class EmptyStringsStayEmpty : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Key.ModelType == typeof(string))
        {
            context.DisplayMetadata.ConvertEmptyStringToNull = false;
        }
    }
}
