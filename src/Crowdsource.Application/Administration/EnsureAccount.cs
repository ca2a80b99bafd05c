using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Accounts;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Administration;

/// <summary>
/// Makes sure a confirmed account with these roles exists: the first admin (from the command line or from
/// configuration) and the demo accounts. An existing account keeps its password and gains the missing roles.
/// Sent by start-up code, never by a page.
/// </summary>
public static class EnsureAccount
{
    public sealed record Command(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles)
        : ICommand<Outcome>, ITransactional;

    public enum Outcome
    {
        Created,
        AlreadyExisted,
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Email).ValidEmail();
            RuleFor(command => command.DisplayName).ValidDisplayName();
            RuleFor(command => command.Password).PasswordGiven();
            RuleFor(command => command.Password).FollowsPasswordPolicy(command => [command.Email, command.DisplayName]);
            RuleForEach(command => command.Roles).Must(Domain.Accounts.Roles.All.Contains).WithMessage(_ => Messages.ChooseFromList);
        }
    }

    internal sealed class Handler(UserManager<CrowdsourceUser> users, TimeProvider clock) : ICommandHandler<Command, Outcome>
    {
        public async ValueTask<Outcome> Handle(Command command, CancellationToken cancellationToken)
        {
            var outcome = Outcome.AlreadyExisted;
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user is null)
            {
                user = CrowdsourceUser.Create(command.Email, command.DisplayName, SupportedCultures.Default, clock.GetUtcNow());
                user.EmailConfirmed = true;
                (await users.CreateAsync(user, command.Password)).ThrowIfFailed();
                outcome = Outcome.Created;
            }

            var missing = command.Roles.Append(Roles.Creative).Distinct(StringComparer.Ordinal).ToList();
            foreach (var role in missing)
            {
                if (!await users.IsInRoleAsync(user, role))
                {
                    (await users.AddToRoleAsync(user, role)).ThrowIfFailed();
                }
            }

            return outcome;
        }
    }
}
