using System.Globalization;
using System.Reflection;
using Crowdsource.Application.Judging;
using FluentValidation;
using FluentValidation.Validators;

namespace Crowdsource.Application.Tests.Common;

/// <summary>
/// Every rule of every use case speaks the reader's language: none falls back to FluentValidation's default text,
/// which names the C# property in quotes ("'Value' must not be empty.") and is not what a person sees on the form.
/// </summary>
public sealed class ValidationMessagesTests
{
    [Fact]
    public void No_rule_of_any_validator_falls_back_to_the_default_message()
    {
        var validators = typeof(ScoreEntry).Assembly.GetTypes()
            .Where(type => !type.IsAbstract && !type.IsGenericTypeDefinition && typeof(IValidator).IsAssignableFrom(type)
                && type.GetConstructor(Type.EmptyTypes) is not null)
            .ToList();
        var failures = new List<string>();
        var walked = 0;

        foreach (var type in validators)
        {
            walked += Walk((IValidator)Activator.CreateInstance(type)!, type.FullName!, failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(validators.Count >= 25, $"only {validators.Count} validators found");
        Assert.True(walked >= validators.Count, $"only {walked} rule components walked");
    }

    [Fact]
    public void A_blank_score_asks_for_a_mark_in_french_without_naming_a_property()
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
        try
        {
            var result = new ScoreEntry.Validator().Validate(new ScoreEntry.Command(
                new Domain.Entries.EntryId(Guid.CreateVersion7()), [new ScoreEntry.Mark("Originalité", null, null)], null));

            var error = Assert.Single(result.Errors);
            Assert.Equal("Donnez une note de 0 à 10.", error.ErrorMessage);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>
    /// The password policy (AccountRules.FollowsPasswordPolicy) and the password typed again (AccountRules.RepeatsPassword)
    /// are Custom(...) rules: FluentValidation stores each as a
    /// predicate that always passes, with the default template, and the rule adds its own localized failures
    /// (PasswordPolicyValidator.Describe), so that template is never shown.
    /// </summary>
    private static readonly HashSet<string> PolicyChecks =
    [
        "Crowdsource.Application.Administration.EnsureAccount+Validator.Password",
        "Crowdsource.Application.Accounts.ChangePassword+Validator.NewPassword",
        "Crowdsource.Application.Accounts.RegisterAccount+Validator.Password",
        "Crowdsource.Application.Accounts.ResetPassword+Validator.NewPassword",
        "Crowdsource.Application.Accounts.ChangePassword+Validator.ConfirmPassword",
        "Crowdsource.Application.Accounts.RegisterAccount+Validator.ConfirmPassword",
        "Crowdsource.Application.Accounts.ResetPassword+Validator.ConfirmPassword",
    ];

    /// <summary>Checks each rule component's message template; returns how many it checked.</summary>
    private static int Walk(IValidator validator, string where, List<string> failures)
    {
        var count = 0;
        foreach (var rule in validator.CreateDescriptor().Rules)
        {
            foreach (var component in rule.Components)
            {
                count++;
                if (component.Validator is IChildValidatorAdaptor)
                {
                    var inner = InnerValidator(component.Validator);
                    if (inner is null)
                    {
                        failures.Add($"{where}.{rule.PropertyName}: a child validator that cannot be inspected");
                    }
                    else
                    {
                        count += Walk(inner, $"{where}.{rule.PropertyName}", failures);
                    }

                    continue;
                }

                if (component.Validator.Name == "PredicateValidator" && PolicyChecks.Contains($"{where}.{rule.PropertyName}"))
                {
                    continue;
                }

                string template;
                try
                {
                    template = component.GetUnformattedErrorMessage();
                }
                catch (NullReferenceException)
                {
                    continue; // a message of its own, written from the command being validated
                }

                if (template.Contains("{PropertyName}", StringComparison.Ordinal) || template.Contains("{PropertyValue}", StringComparison.Ordinal))
                {
                    failures.Add($"{where}.{rule.PropertyName} ({component.Validator.Name}): \"{template}\"");
                }
            }
        }

        return count;
    }

    private static IValidator? InnerValidator(object adaptor)
    {
        var getValidator = adaptor.GetType().GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .FirstOrDefault(method => method.Name == "GetValidator" && method.GetParameters().Length == 2);
        if (getValidator is null)
        {
            return null;
        }

        var parameters = getValidator.GetParameters();
        var instanceType = parameters[0].ParameterType.GetGenericArguments()[0];
        var context = Activator.CreateInstance(parameters[0].ParameterType, [instanceType.IsValueType ? Activator.CreateInstance(instanceType) : null]);
        var value = parameters[1].ParameterType.IsValueType ? Activator.CreateInstance(parameters[1].ParameterType) : null;
        return getValidator.Invoke(adaptor, [context, value]) as IValidator;
    }
}
