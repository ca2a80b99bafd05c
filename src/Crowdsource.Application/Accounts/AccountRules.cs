using System.Globalization;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Accounts;
using FluentValidation;

namespace Crowdsource.Application.Accounts;

/// <summary>Shape rules shared by the account forms, so each field says the same thing everywhere.</summary>
internal static class AccountRules
{
    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage(_ => Messages.EmailRequired)
        .MaximumLength(CrowdsourceUser.EmailMaximumLength)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.EmailTooLong, CrowdsourceUser.EmailMaximumLength))
        .EmailAddress().WithMessage(_ => Messages.EmailInvalid);

    public static IRuleBuilderOptions<T, string> ValidDisplayName<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage(_ => Messages.DisplayNameRequired)
        .MaximumLength(CrowdsourceUser.DisplayNameMaximumLength)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.DisplayNameTooLong, CrowdsourceUser.DisplayNameMaximumLength));

    /// <summary>Presence and an upper bound only: the full policy runs in Identity's password validator.</summary>
    public static IRuleBuilderOptions<T, string> PasswordGiven<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage(_ => Messages.PasswordRequired)
        .MaximumLength(PasswordPolicy.MaximumLength * 4)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.PasswordTooLong, PasswordPolicy.MaximumLength));
}
