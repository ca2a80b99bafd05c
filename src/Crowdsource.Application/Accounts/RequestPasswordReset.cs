using Crowdsource.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// "Forgot password": e-mails a reset link if the account exists. The answer is the same either way, and so is the
/// work (a token and the e-mail are made, the outbox cap is checked); at most a few links per hour reach one address.
/// </summary>
public static class RequestPasswordReset
{
    public sealed record Command(string Email) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(command => command.Email).ValidEmail();
    }

    internal sealed class Handler(
        UserManager<CrowdsourceUser> users, ICrowdsourceDb db, ISiteLinks links, TimeProvider clock, IOptions<AccountEmailLimits> limits)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var email = command.Email.Trim();
            var user = await users.FindByEmailAsync(email);
            var recipient = user ?? AccountEmails.Nobody(now);
            var token = await users.GeneratePasswordResetTokenAsync(recipient);
            var message = AccountEmails.ResetPassword(recipient, links.ResetPassword(recipient.Email!, token), now);
            await db.QueueAsync(user?.Email ?? email, AccountEmails.ResetKind, user is null ? null : message, limits.Value, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
