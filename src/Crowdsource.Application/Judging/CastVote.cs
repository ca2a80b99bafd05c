using Crowdsource.Application.Accounts;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// A signed-in person with a confirmed e-mail votes for an approved entry in a challenge's public vote, or moves
/// their vote to another entry while the vote is open. One vote per mailbox and challenge: accounts whose addresses
/// reach the same mailbox (eve+1@…, eve+2@…, e.ve@gmail.com) share one vote, and none of them votes for an entry of
/// an account of that mailbox. An advisory lock per challenge and mailbox makes the check race-safe (and keeps one
/// account's two first votes sent at once from colliding). The brand's members do not vote.
/// </summary>
public static class CastVote
{
    public sealed record Command(ChallengeId ChallengeId, EntryId EntryId) : ICommand, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var (challenge, viewer) = await db.VisibleChallengeAsync(currentUser, command.ChallengeId, cancellationToken);
            if (viewer.Brands.Contains(challenge.BrandId))
            {
                throw new DomainRuleException("vote.brand-member", Messages.BrandMembersDoNotVote);
            }

            var entry = await db.Entries.AsNoTracking().IgnoreAutoIncludes()
                .SingleOrDefaultAsync(candidate => candidate.Id == command.EntryId && candidate.ChallengeId == challenge.Id, cancellationToken)
                ?? throw new NotFoundException();
            var voter = await db.Users.Where(user => user.Id == userId).Select(user => new { user.Email, user.EmailConfirmed }).SingleAsync(cancellationToken);
            var mailbox = Mailbox.Of(voter.Email ?? string.Empty);

            await db.LockUntilCommitAsync("vote/" + challenge.Id.Value.ToString() + "/" + mailbox, cancellationToken);
            var authorEmail = await db.Users.Where(user => user.Id == entry.CreativeUserId).Select(user => user.Email).SingleOrDefaultAsync(cancellationToken);
            if (entry.CreativeUserId != userId && authorEmail is not null && Mailbox.Of(authorEmail) == mailbox)
            {
                throw new DomainRuleException("vote.own-mailbox", Messages.VoteOwnMailbox);
            }

            if (await SameMailboxVotedAsync(challenge, userId, mailbox, cancellationToken))
            {
                throw new DomainRuleException("vote.same-mailbox", Messages.VoteSameMailbox);
            }

            var now = clock.GetUtcNow();
            var vote = await db.Votes.SingleOrDefaultAsync(candidate => candidate.ChallengeId == challenge.Id && candidate.VoterUserId == userId, cancellationToken);
            if (vote is null)
            {
                db.Votes.Add(Vote.Cast(challenge, entry, userId, voter.EmailConfirmed, now));
            }
            else
            {
                vote.ChangeTo(challenge, entry, voter.EmailConfirmed, now); // the same entry again (a double post) only checks the rules
            }

            await db.SaveChangesAsync(cancellationToken);
            return Unit.Value;
        }

        /// <summary>Whether another account of the same mailbox already voted in the challenge (only addresses of its domains can be).</summary>
        private async Task<bool> SameMailboxVotedAsync(Challenge challenge, string userId, string mailbox, CancellationToken cancellationToken)
        {
            var endings = Mailbox.NormalizedDomainEndings(mailbox);
            var (first, last) = ("%" + endings[0], "%" + endings[^1]); // a '_' in a domain only widens the candidates: the check below is exact
            var addresses = await db.Votes.Where(vote => vote.ChallengeId == challenge.Id && vote.VoterUserId != userId)
                .Join(db.Users, vote => vote.VoterUserId, user => user.Id, (_, user) => user.NormalizedEmail)
                .Where(address => address != null && (EF.Functions.Like(address, first) || EF.Functions.Like(address, last)))
                .ToListAsync(cancellationToken);
            return addresses.Exists(address => Mailbox.Of(address!) == mailbox);
        }
    }
}
