using System.Globalization;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Accounts;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>Plugs <see cref="PasswordPolicy"/> into Identity, so every path that sets a password applies it.</summary>
public sealed class PasswordPolicyValidator : IPasswordValidator<CrowdsourceUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<CrowdsourceUser> manager, CrowdsourceUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problems = PasswordPolicy.Check(password ?? string.Empty, [user.Email, user.DisplayName], CommonPasswords.Contains);
        if (problems.Count == 0)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var errors = problems.Select(problem => new IdentityError { Code = $"Password{problem}", Description = Describe(problem) });
        return Task.FromResult(IdentityResult.Failed([.. errors]));
    }

    public static string Describe(PasswordProblem problem) => problem switch
    {
        PasswordProblem.TooShort => string.Format(CultureInfo.CurrentCulture, Messages.PasswordTooShort, PasswordPolicy.MinimumLength),
        PasswordProblem.TooLong => string.Format(CultureInfo.CurrentCulture, Messages.PasswordTooLong, PasswordPolicy.MaximumLength),
        PasswordProblem.Common => Messages.PasswordCommon,
        PasswordProblem.MatchesAccount => Messages.PasswordMatchesAccount,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
