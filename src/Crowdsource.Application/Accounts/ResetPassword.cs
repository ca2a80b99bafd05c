using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// Sets a new password from an e-mailed reset link. The link proves the person reads that mailbox, so it also
/// confirms the address and lifts a lockout; every session of the account ends (whoever knew the old password
/// is out).
/// </summary>
public static class ResetPassword
{
    public sealed record Command(string Email, string Token, string NewPassword, string? ConfirmPassword = null) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Email).ValidEmail();
            RuleFor(command => command.Token).NotEmpty().WithMessage(_ => Messages.InvalidOrExpiredLink);
            RuleFor(command => command.NewPassword).PasswordGiven();
            RuleFor(command => command.ConfirmPassword).RepeatsPassword(command => command.NewPassword);
            RuleFor(command => command.NewPassword).FollowsPasswordPolicy(command => [command.Email]);
        }
    }

    internal sealed class Handler(UserManager<CrowdsourceUser> users, IUserSessions sessions) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim())
                ?? throw ValidationException.For(nameof(Command.Token), Messages.InvalidOrExpiredLink);

            var result = await users.ResetPasswordAsync(user, command.Token, command.NewPassword);
            if (result.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            {
                throw ValidationException.For(nameof(Command.Token), Messages.InvalidOrExpiredLink);
            }

            result.ThrowIfFailed(passwordProperty: nameof(Command.NewPassword));

            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                (await users.UpdateAsync(user)).ThrowIfFailed();
            }

            (await users.SetLockoutEndDateAsync(user, null)).ThrowIfFailed();
            (await users.ResetAccessFailedCountAsync(user)).ThrowIfFailed();
            await sessions.EndAllAsync(user.Id, cancellationToken);
            return Unit.Value;
        }
    }
}
