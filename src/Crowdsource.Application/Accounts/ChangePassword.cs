using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// The signed-in person changes their password, proving they know the current one. Every other session of the
/// account ends at once (a thief's cookie included); this one continues (the page issues it a fresh cookie).
/// </summary>
public static class ChangePassword
{
    public sealed record Command(string CurrentPassword, string NewPassword, string? ConfirmPassword = null) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.CurrentPassword).NotEmpty().WithMessage(_ => Messages.CurrentPasswordRequired);
            RuleFor(command => command.NewPassword).PasswordGiven();
            RuleFor(command => command.ConfirmPassword).RepeatsPassword(command => command.NewPassword);
            RuleFor(command => command.NewPassword).FollowsPasswordPolicy(command => []);
        }
    }

    internal sealed class Handler(UserManager<CrowdsourceUser> users, ICurrentUser currentUser, IUserSessions sessions) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId()) ?? throw new NotFoundException();
            await users.ConfirmPasswordAsync(user, command.CurrentPassword, nameof(Command.CurrentPassword));
            var result = await users.ChangePasswordAsync(user, command.CurrentPassword, command.NewPassword);
            result.ThrowIfFailed(passwordProperty: nameof(Command.NewPassword));
            await sessions.EndOthersAsync(user.Id, cancellationToken);
            return Unit.Value;
        }
    }
}
