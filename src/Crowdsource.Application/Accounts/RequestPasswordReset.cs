using Crowdsource.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>"Forgot password": e-mails a reset link if the account exists; the answer is the same either way.</summary>
public static class RequestPasswordReset
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
            if (user is null)
            {
                return Unit.Value;
            }

            var token = await users.GeneratePasswordResetTokenAsync(user);
            db.OutgoingEmails.Add(AccountEmails.ResetPassword(user, links.ResetPassword(user.Email!, token), clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
