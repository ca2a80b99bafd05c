using Crowdsource.Application.Common;
using Crowdsource.Domain.Accounts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Accounts;

/// <summary>
/// Someone signs up: a Creative account, unconfirmed until they open the link e-mailed to them. Registering an
/// address that already has an account looks the same from outside, and costs the same (the password is hashed
/// anyway; the owner gets an e-mail instead), so the form never tells a stranger who has an account.
/// Account e-mails to one address are capped per hour (<see cref="AccountMailbox"/>).
/// </summary>
public static class RegisterAccount
{
    /// <summary>
    /// The sign-up; <c>ReturnUrl</c> is the local page the person was on their way to, which the confirmation link carries back;
    /// <c>ConfirmPassword</c> is the password typed again, when the form asks for it, checked with the other fields.
    /// </summary>
    public sealed record Command(string DisplayName, string Email, string Password, string Culture, string? ReturnUrl = null, string? ConfirmPassword = null)
        : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.DisplayName).ValidDisplayName();
            RuleFor(command => command.Email).ValidEmail();
            RuleFor(command => command.Password).PasswordGiven();
            RuleFor(command => command.Password).FollowsPasswordPolicy(command => [command.Email, command.DisplayName]);
            RuleFor(command => command.ConfirmPassword).RepeatsPassword(command => command.Password);
        }
    }

    internal sealed class Handler(
        UserManager<CrowdsourceUser> users, ICrowdsourceDb db, ISiteLinks links, TimeProvider clock, IOptions<AccountEmailLimits> limits)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var candidate = CrowdsourceUser.Create(command.Email, command.DisplayName, command.Culture, now);

            // The password is judged first, whether or not the address is known, so the answer leaks nothing.
            foreach (var validator in users.PasswordValidators)
            {
                (await validator.ValidateAsync(users, candidate, command.Password)).ThrowIfFailed();
            }

            var existing = await users.FindByEmailAsync(candidate.Email!);
            if (existing is not null)
            {
                // As long as creating the account would take: its cost is the password hash.
                _ = users.PasswordHasher.HashPassword(candidate, command.Password);
                await db.QueueAsync(existing.Email!, AccountEmails.AlreadyRegisteredKind,
                    AccountEmails.AlreadyRegistered(existing, links.LogIn(), now), limits.Value, now, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                return Unit.Value;
            }

            (await users.CreateAsync(candidate, command.Password)).ThrowIfFailed();
            (await users.AddToRoleAsync(candidate, Roles.Creative)).ThrowIfFailed();

            var token = await users.GenerateEmailConfirmationTokenAsync(candidate);
            await db.QueueAsync(candidate.Email!, AccountEmails.ConfirmKind,
                AccountEmails.ConfirmEmail(candidate, links.ConfirmEmail(candidate.Id, token, command.ReturnUrl), now), limits.Value, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
