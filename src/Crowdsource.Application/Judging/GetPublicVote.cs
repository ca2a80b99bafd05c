using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// A challenge's public vote as a visitor sees it: before it opens, only when; while it is open, the approved
/// entries without their authors and the viewer's own choice, never the tallies (so nobody follows the crowd);
/// once it closes, the votes per entry and the people's choice.
/// </summary>
public static class GetPublicVote
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Ballot>;

    public enum Phase
    {
        NotYetOpen,
        Open,
        Closed,
    }

    public sealed record Ballot(
        ChallengeId ChallengeId, string ChallengeTitle, string ChallengeSlug, Phase Phase, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        Money? PeoplesChoicePrize, Voter Viewer, EntryId? MyVote, IReadOnlyList<Candidate> Entries, EntryId? PeoplesChoice)
    {
        /// <summary>Null while the vote is open: the tallies are not even sent to the page.</summary>
        public int? TotalVotes => Phase == Phase.Closed ? Entries.Sum(entry => entry.Votes ?? 0) : null;
    }

    /// <summary>Who looks: only a signed-in account with a confirmed e-mail, outside the brand, may vote.</summary>
    public sealed record Voter(bool SignedIn, bool EmailConfirmed, bool IsBrandMember)
    {
        public bool MayVote => SignedIn && EmailConfirmed && !IsBrandMember;
    }

    /// <summary>An approved entry; <see cref="Votes"/> only once the vote is closed, the author's name only for the people's choice once the results are out.</summary>
    public sealed record Candidate(EntryId Id, string Title, string Description, EntryImage? Image, bool IsMine, int? Votes, string? CreatorName);

    public sealed record EntryImage(Guid EntryFileId, string FileName, bool HasPreview);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Ballot>
    {
        public async ValueTask<Ballot> Handle(Query query, CancellationToken cancellationToken)
        {
            var (challenge, viewer) = await db.VisibleChallengeAsync(currentUser, query.ChallengeId, cancellationToken);
            if (challenge.PublicVoteClosesAt is not { } closes || challenge.SubmissionDeadline is not { } opens)
            {
                throw new NotFoundException(); // this challenge has no public vote
            }

            var now = clock.GetUtcNow();
            var phase = challenge.AreVoteTalliesVisible(now) ? Phase.Closed : challenge.IsVoteOpen(now) ? Phase.Open : Phase.NotYetOpen;
            var userId = viewer.UserId;
            var emailConfirmed = userId is not null
                && await db.Users.Where(user => user.Id == userId).Select(user => user.EmailConfirmed).SingleAsync(cancellationToken);
            var voter = new Voter(userId is not null, emailConfirmed, viewer.Brands.Contains(challenge.BrandId));
            var myVote = userId is null ? null : await db.Votes.AsNoTracking()
                .Where(vote => vote.ChallengeId == challenge.Id && vote.VoterUserId == userId)
                .Select(vote => (EntryId?)vote.EntryId)
                .SingleOrDefaultAsync(cancellationToken);
            var prize = challenge.PeoplesChoicePrize is { } amount ? new Money(amount, challenge.PrizeCurrency ?? Money.DefaultCurrency) : (Money?)null;

            IReadOnlyList<Candidate> candidates = [];
            EntryId? peoplesChoice = null;
            if (phase != Phase.NotYetOpen)
            {
                var approved = await db.Entries.AsNoTracking().IgnoreAutoIncludes().Include(entry => entry.Files)
                    .Where(entry => entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Approved)
                    .OrderBy(entry => entry.SubmittedAt)
                    .ToListAsync(cancellationToken);
                (candidates, peoplesChoice) = phase == Phase.Open
                    ? ([.. approved.Select(entry => Describe(entry, userId, votes: null, creatorName: null))], null)
                    : await TalliedAsync(challenge, approved, userId, cancellationToken);
            }

            return new Ballot(challenge.Id, challenge.Title, challenge.Slug, phase, opens, closes, prize, voter, myVote, candidates, peoplesChoice);
        }

        private async Task<(IReadOnlyList<Candidate>, EntryId?)> TalliedAsync(
            Challenge challenge, List<Entry> approved, string? userId, CancellationToken cancellationToken)
        {
            var votes = await db.Votes.AsNoTracking().Where(vote => vote.ChallengeId == challenge.Id).ToListAsync(cancellationToken);
            var winner = Vote.PeoplesChoice(votes, approved);
            var winnerName = winner is { } chosen && challenge.ResultsAnnouncedAt is not null
                ? await db.Users.Where(user => user.Id == approved.Single(entry => entry.Id == chosen).CreativeUserId)
                    .Select(user => user.DisplayName).SingleAsync(cancellationToken)
                : null;
            var tally = votes.CountBy(vote => vote.EntryId).ToDictionary();
            var candidates = approved
                .OrderByDescending(entry => tally.GetValueOrDefault(entry.Id))
                .Select(entry => Describe(entry, userId, tally.GetValueOrDefault(entry.Id), entry.Id == winner ? winnerName : null))
                .ToList();
            return (candidates, winner);
        }

        private static Candidate Describe(Entry entry, string? userId, int? votes, string? creatorName)
        {
            var image = entry.BallotPicture;
            return new Candidate(entry.Id, entry.Title, entry.Description,
                image is null ? null : new EntryImage(image.Id, image.FileName, image.ThumbnailFileId is not null),
                entry.CreativeUserId == userId, votes, creatorName);
        }
    }
}
