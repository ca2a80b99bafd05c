using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Common;
using FluentValidation;

namespace Crowdsource.Application.Brands;

/// <summary>The fields of a brand's public profile, shared by creating and editing a brand.</summary>
public interface IBrandProfile
{
    string Name { get; }

    string Slug { get; }

    string? Description { get; }

    string? Website { get; }
}

public abstract class BrandProfileValidator<T> : AbstractValidator<T>
    where T : IBrandProfile
{
    protected BrandProfileValidator()
    {
        RuleFor(command => command.Name)
            .Must(value => !string.IsNullOrWhiteSpace(value) && value.Trim().Length <= Brand.NameMaximumLength)
            .WithMessage(_ => Messages.BrandNameRequired)
            .WithoutLinks();
        RuleFor(command => command.Slug).Must(Slug.IsValid).WithMessage(_ => Messages.SlugFormat);
        RuleFor(command => command.Description)
            .MaximumLength(Brand.DescriptionMaximumLength)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.TextTooLong, Brand.DescriptionMaximumLength));
        RuleFor(command => command.Website)
            .Must(value => string.IsNullOrWhiteSpace(value) || BrandRules.ParseWebsite(value) is not null)
            .WithMessage(_ => Messages.WebsiteFormat);
    }
}

internal static class BrandRules
{
    public static Uri? ParseWebsite(string? value) =>
        !string.IsNullOrWhiteSpace(value)
        && value.Trim().Length <= Brand.WebsiteMaximumLength
        && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : null;
}
