using Crowdsource.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>Sends a new confirmation link to an unconfirmed account; says nothing about whether the account exists.</summary>
public static class ResendEmailConfirmation
{
    public sealed record Command(string Email) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Email).ValidEmail();
    }

    internal sealed class Handler(UserManager<CrowdsourceUser> users, ICrowdsourceDb db, ISiteLinks links, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user is null || user.EmailConfirmed)
            {
                return Unit.Value;
            }

            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            db.OutgoingEmails.Add(AccountEmails.ConfirmEmail(user, links.ConfirmEmail(user.Id, token), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
