using System.Globalization;
using Crowdsource.Application.Resources;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>Identity's own errors in the person's language. Password rules come from <see cref="PasswordPolicyValidator"/>.</summary>
public sealed class LocalizedIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), Messages.IdentityDefaultError);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), Messages.IdentityConcurrencyFailure);

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), Messages.CurrentPasswordWrong);

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), Messages.InvalidOrExpiredLink);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), Messages.IdentityInvalidEmail);

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), Messages.IdentityInvalidEmail);

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), Messages.IdentityDuplicateEmail);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), Messages.IdentityDuplicateEmail);

    public override IdentityError UserAlreadyInRole(string role) =>
        Error(nameof(UserAlreadyInRole), string.Format(CultureInfo.CurrentCulture, Messages.IdentityUserAlreadyInRole, role));

    public override IdentityError UserNotInRole(string role) =>
        Error(nameof(UserNotInRole), string.Format(CultureInfo.CurrentCulture, Messages.IdentityUserNotInRole, role));

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
