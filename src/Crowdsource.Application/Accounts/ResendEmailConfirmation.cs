using Crowdsource.Application.Common;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// Sends a new confirmation link to an unconfirmed account. It says nothing about whether the account exists or
/// is confirmed, and does the same work in every case (a token, the e-mail, the outbox cap); at most a few links per hour.
/// </summary>
public static class ResendEmailConfirmation
{
    /// <summary>The request; <c>ReturnUrl</c> is the local page the person was on their way to, which the new link carries back as the first did.</summary>
    public sealed record Command(string Email, string? ReturnUrl = null) : ICommand, ITransactional;

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
            var due = user is { EmailConfirmed: false } ? user : null;
            var recipient = due ?? AccountEmails.Nobody(now);
            var token = await users.GenerateEmailConfirmationTokenAsync(recipient);
            var message = AccountEmails.ConfirmEmail(recipient, links.ConfirmEmail(recipient.Id, token, command.ReturnUrl), now);
            await db.QueueAsync(user?.Email ?? email, AccountEmails.ConfirmKind, due is null ? null : message, limits.Value, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
