using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;

namespace Crowdsource.Application.Accounts;

/// <summary>The signed-in person edits the profile others see.</summary>
public static class UpdateProfile
{
    public sealed record Command(string DisplayName, string? Bio, string PreferredCulture) : ICommand;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.DisplayName).ValidDisplayName();
            RuleFor(command => command.Bio)
                .MaximumLength(CrowdsourceUser.BioMaximumLength)
                .WithMessage(_ => string.Format(CultureInfo.CurrentCulture, Messages.BioTooLong, CrowdsourceUser.BioMaximumLength));
        }
    }

    internal sealed class Handler(UserManager<CrowdsourceUser> users, ICurrentUser currentUser) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId()) ?? throw new NotFoundException();
            user.UpdateProfile(command.DisplayName, command.Bio);
            user.PreferCulture(command.PreferredCulture);
            (await users.UpdateAsync(user)).ThrowIfFailed();
            return Unit.Value;
        }
    }
}
