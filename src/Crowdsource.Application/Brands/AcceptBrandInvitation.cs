using Crowdsource.Application.Accounts;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>The invited person, signed in with the invited address, opens the link and joins the brand.</summary>
public static class AcceptBrandInvitation
{
    public sealed record Command(string Token) : ICommand<BrandId>, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, UserManager<CrowdsourceUser> users, TimeProvider clock)
        : ICommandHandler<Command, BrandId>
    {
        public async ValueTask<BrandId> Handle(Command command, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(currentUser.RequireId()) ?? throw new NotFoundException();
            var hash = BrandInvitation.Hash(command.Token ?? string.Empty);
            var invitation = await db.BrandInvitations.SingleOrDefaultAsync(candidate => candidate.TokenHash == hash, cancellationToken)
                ?? throw new DomainRuleException("invitation.unknown", Messages.InvitationUnknown);
            await db.LockMembershipAsync(invitation.BrandId, cancellationToken);
            var brand = await db.Brands.Include(candidate => candidate.Members)
                .SingleAsync(candidate => candidate.Id == invitation.BrandId, cancellationToken);

            if (brand.IsMember(user.Id) && invitation.AcceptedByUserId == user.Id)
            {
                return brand.Id; // The same link opened twice.
            }

            // Someone who entered one of the brand's challenges still running would, as a member, see their rivals' entries.
            var runningChallenges = db.Challenges.Where(Challenge.IsRunning).Where(challenge => challenge.BrandId == brand.Id).Select(challenge => challenge.Id);
            var enteredRunningChallenge = await db.Entries.AnyAsync(
                entry => entry.CreativeUserId == user.Id && runningChallenges.Contains(entry.ChallengeId), cancellationToken);
            if (enteredRunningChallenge)
            {
                throw new DomainRuleException("invitation.entered", Messages.InvitationAfterEntering);
            }

            var now = clock.GetUtcNow();
            invitation.Accept(brand, user.Id, user.Email!, now);
            db.Record(user.Id, Audit.Brand, brand.Id.Value, "brand.member-joined", $"{user.Email} as {invitation.Role}", now);
            await db.SaveChangesAsync(cancellationToken);
            await BrandMembershipRole.SyncAsync(users, db, user.Id, cancellationToken);
            return brand.Id;
        }
    }
}
