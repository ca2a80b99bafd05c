using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Accounts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Administration;

/// <summary>An admin makes someone a Moderator or an Admin. Granting a role the account has is harmless.</summary>
public static class GrantRole
{
    public sealed record Command(string UserId, string Role) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.UserId).NotEmpty().WithMessage(_ => Messages.AccountRequired);
            RuleFor(command => command.Role).Must(Roles.GrantedByAdmin.Contains).WithMessage(_ => Messages.RoleNotGrantable);
        }
    }

    internal sealed class Handler(UserManager<CrowdsourceUser> users, ICurrentUser currentUser) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            var user = await users.FindByIdAsync(command.UserId) ?? throw new NotFoundException();
            if (!await users.IsInRoleAsync(user, command.Role))
            {
                (await users.AddToRoleAsync(user, command.Role)).ThrowIfFailed();
            }

            return Unit.Value;
        }
    }
}
