using Crowdsource.Application.Accounts;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Brands;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ValidationException = Crowdsource.Application.Common.Exceptions.ValidationException;

namespace Crowdsource.Application.Brands;

/// <summary>
/// An Owner invites someone by e-mail as Owner or Editor. Inviting the same address again replaces the pending
/// invitation (a new link), so a double post leaves one usable invitation.
/// </summary>
public static class InviteBrandMember
{
    public sealed record Command(BrandId BrandId, string Email, BrandRole Role) : ICommand, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(command => command.Email).ValidEmail();
            RuleFor(command => command.Role).IsInEnum().WithMessage(_ => Messages.ChooseFromList);
        }
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, UserManager<CrowdsourceUser> users, ISiteLinks links, TimeProvider clock)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            await db.LockMembershipAsync(command.BrandId, cancellationToken);
            var brand = await db.OwnedBrandAsync(currentUser, command.BrandId, cancellationToken);
            var email = BrandInvitation.NormalizeEmail(command.Email);
            var invitee = await users.FindByEmailAsync(email);
            if (invitee is not null && brand.IsMember(invitee.Id))
            {
                throw ValidationException.For(nameof(Command.Email), Messages.AlreadyBrandMember);
            }

            var now = clock.GetUtcNow();
            var pending = await db.BrandInvitations
                .Where(invitation => invitation.BrandId == brand.Id && invitation.Email == email && invitation.AcceptedAt == null && invitation.RevokedAt == null)
                .ToListAsync(cancellationToken);
            pending.ForEach(invitation => invitation.Revoke(now));

            var (created, token) = BrandInvitation.Create(brand.Id, email, command.Role, currentUser.RequireId(), now);
            db.BrandInvitations.Add(created);
            db.OutgoingEmails.Add(BrandEmails.Invitation(email, invitee?.PreferredCulture, brand.Name, links.AcceptBrandInvitation(token), now));
            db.Record(currentUser.Id, Audit.Brand, brand.Id.Value, "brand.member-invited", $"{email} as {command.Role}", now);
            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }
    }
}
