using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>
/// For the challenge's brand while it is open: its approved entries, oldest first, each with the brand's latest rating,
/// whether the author revised the entry since, and whether it may be rated now; entries sent back to screening by a
/// revision after a rating stay listed (without the form) until approved again. Authors are named as
/// <see cref="AuthorVisibility"/> allows (a pseudonym on a blind challenge). Anyone outside the brand learns nothing.
/// </summary>
public static class ListEntriesForFeedback
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Board>;

    public sealed record Board(ChallengeId ChallengeId, string Title, DateTimeOffset? Deadline, bool TakesFeedback, bool Promised, IReadOnlyList<Row> Rows);

    /// <summary>An entry; <paramref name="RevisedSinceRating"/> when its author changed it after the latest rating.</summary>
    public sealed record Row(EntryId Id, string Title, string CreativeName, EntryStatus Status, bool CanRate, Rating? Latest, bool RevisedSinceRating);

    public sealed record Rating(int Stars, string? Comment, DateTimeOffset RatedAt);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Board>
    {
        public async ValueTask<Board> Handle(Query query, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, query.ChallengeId, cancellationToken);
            var now = clock.GetUtcNow();
            var entries = await db.Entries.AsNoTracking().IgnoreAutoIncludes()
                .Where(entry => entry.ChallengeId == challenge.Id
                    && (entry.Status == EntryStatus.Approved
                        || ((entry.Status == EntryStatus.Submitted || entry.Status == EntryStatus.ChangesRequested)
                            && db.EntryRatings.Any(rating => rating.EntryId == entry.Id))))
                .OrderBy(entry => entry.SubmittedAt).ThenBy(entry => entry.Id)
                .Select(entry => new
                {
                    Entry = entry,
                    Latest = db.EntryRatings.Where(rating => rating.EntryId == entry.Id)
                        .OrderByDescending(rating => rating.RatedAt).ThenByDescending(rating => rating.Id)
                        .Select(rating => new Rating(rating.Stars, rating.Comment, rating.RatedAt)).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);
            var authors = await db.AuthorNamesAsync(currentUser, challenge, cancellationToken);
            return new Board(challenge.Id, challenge.Title, challenge.SubmissionDeadline, challenge.AcceptsEntries(now), challenge.GivesFeedbackDuringContest,
            [
                .. entries.Select(row => new Row(row.Entry.Id, row.Entry.Title, authors[row.Entry.CreativeUserId].Name, row.Entry.Status,
                    EntryRating.IsAllowed(challenge, row.Entry, now), row.Latest,
                    row.Latest is not null && row.Entry.RevisedAt > row.Latest.RatedAt)),
            ]);
        }
    }
}
