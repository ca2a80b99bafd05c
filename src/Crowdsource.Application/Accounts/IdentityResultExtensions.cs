using FluentValidation.Results;
using Microsoft.AspNetCore.Identity;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Accounts;

internal static class IdentityResultExtensions
{
    /// <summary>
    /// Turns Identity's failures into a <see cref="ValidationException"/>: a wrong current password lands on
    /// "CurrentPassword", the new password's errors on <paramref name="passwordProperty"/>, e-mail errors on
    /// <paramref name="emailProperty"/>, the rest on the form.
    /// </summary>
    public static void ThrowIfFailed(this IdentityResult result, string passwordProperty = "Password", string emailProperty = "Email")
    {
        if (result.Succeeded)
        {
            return;
        }

        throw new ValidationException(result.Errors.Select(error => new ValidationFailure(PropertyFor(error.Code), error.Description)));

        string PropertyFor(string code) =>
            code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "CurrentPassword"
            : code.StartsWith("Password", StringComparison.Ordinal) ? passwordProperty
            : code.Contains("Email", StringComparison.Ordinal) || code.Contains("UserName", StringComparison.Ordinal) ? emailProperty
            : string.Empty;
    }
}
