using System.Globalization;
using Crowdsource.Application.Common;
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
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.DisplayNameTooLong, CrowdsourceUser.DisplayNameMaximumLength))
        .WithoutLinks();

    /// <summary>
    /// The password typed a second time, when the form asks for it (null: not asked), checked with the other fields so
    /// a mismatch is reported with every other problem, not alone first.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> RepeatsPassword<T>(this IRuleBuilderInitial<T, string?> rule, Func<T, string> password) =>
        rule.Custom((again, context) =>
        {
            if (again is not null && !string.Equals(again, password(context.InstanceToValidate), StringComparison.Ordinal))
            {
                context.AddFailure(Messages.PasswordsDoNotMatch);
            }
        });

    /// <summary>Presence and an upper bound: the first thing said about a password field.</summary>
    public static IRuleBuilderOptions<T, string> PasswordGiven<T>(this IRuleBuilderInitial<T, string> rule) => rule
        .Cascade(CascadeMode.Stop)
        .NotEmpty().WithMessage(_ => Messages.PasswordRequired)
        .MaximumLength(PasswordPolicy.MaximumLength * 4)
            .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.PasswordTooLong, PasswordPolicy.MaximumLength));

    /// <summary>
    /// The password policy, checked with the other fields so a person sees every problem at once. Identity's
    /// <see cref="PasswordPolicyValidator"/> applies the same policy wherever a password is set.
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string> FollowsPasswordPolicy<T>(
        this IRuleBuilder<T, string> rule, Func<T, IEnumerable<string?>> accountWords) =>
        rule.Custom((password, context) =>
        {
            if (string.IsNullOrEmpty(password))
            {
                return;
            }

            foreach (var problem in PasswordPolicy.Check(password, accountWords(context.InstanceToValidate), CommonPasswords.Contains))
            {
                context.AddFailure(PasswordPolicyValidator.Describe(problem));
            }
        });
}
