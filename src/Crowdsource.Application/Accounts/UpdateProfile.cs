using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using FluentValidation;
using Mediator;
using Crowdsource.Application.Files;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Crowdsource.Application.Accounts;

/// <summary>The signed-in person edits the profile others see, picture included.</summary>
public static class UpdateProfile
{
    // Avatar: a new picture, or null to keep the current one unless RemoveAvatar is set.
    public sealed record Command(string DisplayName, string? Bio, string PreferredCulture, UploadedFile? Avatar = null, bool RemoveAvatar = false)
        : ICommand, ITransactional;

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

    internal sealed class Handler(UserManager<CrowdsourceUser> users, ICurrentUser currentUser, ICrowdsourceDb db, IFileStore files, IOptions<FileLimits> limits)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId()) ?? throw new NotFoundException();
            user.UpdateProfile(command.DisplayName, command.Bio);
            user.PreferCulture(command.PreferredCulture);
            var previous = user.AvatarFileId;
            if (command.Avatar is not null)
            {
                user.ReplaceAvatar((await files.SaveAsync(command.Avatar, limits.Value.Logo, nameof(Command.Avatar), user.Id, cancellationToken)).Id);
            }
            else if (command.RemoveAvatar)
            {
                user.ReplaceAvatar(null);
            }

            (await users.UpdateAsync(user)).ThrowIfFailed();
            if (previous is { } replaced && replaced != user.AvatarFileId)
            {
                await db.StoredFiles.Where(file => file.Id == replaced).ExecuteDeleteAsync(cancellationToken);
            }

            return Unit.Value;
        }
    }
}
