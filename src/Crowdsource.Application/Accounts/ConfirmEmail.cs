using Crowdsource.Application.Resources;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Accounts;

/// <summary>The person opened the link from their confirmation e-mail.</summary>
public static class ConfirmEmail
{
    public sealed record Command(string UserId, string Token) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.UserId).NotEmpty().WithMessage(_ => Messages.InvalidOrExpiredLink);
            RuleFor(command => command.Token).NotEmpty().WithMessage(_ => Messages.InvalidOrExpiredLink);
        }
    }

    internal sealed class Handler(UserManager<CrowdsourceUser> users) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(command.UserId)
                ?? throw ValidationException.For(nameof(Command.Token), Messages.InvalidOrExpiredLink);
            if (user.EmailConfirmed)
            {
                return Unit.Value; // A second click on the same link is harmless.
            }

            var result = await users.ConfirmEmailAsync(user, command.Token);
            if (!result.Succeeded)
            {
                throw ValidationException.For(nameof(Command.Token), Messages.InvalidOrExpiredLink);
            }

            return Unit.Value;
        }
    }
}
