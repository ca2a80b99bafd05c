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
/// their vote to another entry while the vote is open. One vote per account and challenge: the database key holds
/// it even when two first votes from the same account arrive at once. The brand's members do not vote.
/// </summary>
public static class CastVote
{
    public sealed record Command(ChallengeId ChallengeId, EntryId EntryId) : ICommand;

    // Not ITransactional: each save is atomic on its own, and a lost race on the key must leave a usable connection to retry on.
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
            var emailConfirmed = await db.Users.Where(user => user.Id == userId).Select(user => user.EmailConfirmed).SingleAsync(cancellationToken);

            try
            {
                await RecordAsync(challenge, entry, userId, emailConfirmed, cancellationToken);
            }
            catch (DbUpdateException taken) when (taken.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // The same account's other request cast the first vote a moment ago: this one moves it instead.
                db.ChangeTracker.Clear();
                await RecordAsync(challenge, entry, userId, emailConfirmed, cancellationToken);
            }

            return Unit.Value;
        }

        private async Task RecordAsync(Challenge challenge, Entry entry, string userId, bool emailConfirmed, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var vote = await db.Votes.SingleOrDefaultAsync(candidate => candidate.ChallengeId == challenge.Id && candidate.VoterUserId == userId, cancellationToken);
            if (vote is null)
            {
                db.Votes.Add(Vote.Cast(challenge, entry, userId, emailConfirmed, now));
            }
            else
            {
                vote.ChangeTo(challenge, entry, emailConfirmed, now); // the same entry again (a double post) only checks the rules
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
