using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Accounts;
using Crowdsource.Domain.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Administration;

/// <summary>
/// An admin takes a Moderator or Admin role away. Nobody removes their own Admin role, and the platform keeps at
/// least one admin.
/// </summary>
public static class RevokeRole
{
    public sealed record Command(string UserId, string Role) : ICommand, ITransactional;

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
            var adminId = currentUser.RequireAdmin();
            var user = await users.FindByIdAsync(command.UserId) ?? throw new NotFoundException();
            if (!await users.IsInRoleAsync(user, command.Role))
            {
                return Unit.Value;
            }

            if (command.Role == Roles.Admin)
            {
                if (user.Id == adminId)
                {
                    throw new DomainRuleException("accounts.revoke-own-admin", Messages.CannotRevokeOwnAdmin);
                }

                if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count <= 1)
                {
                    throw new DomainRuleException("accounts.last-admin", Messages.LastAdmin);
                }
            }

            (await users.RemoveFromRoleAsync(user, command.Role)).ThrowIfFailed();
            return Unit.Value;
        }
    }
}
