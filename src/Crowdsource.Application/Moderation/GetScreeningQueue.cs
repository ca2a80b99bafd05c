using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Entries;
using Crowdsource.Application.Judging;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Moderation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Moderation;

/// <summary>
/// The moderators' queue: submitted entries waiting for a decision, oldest first, flagged when they share a file with
/// another account's entry in the same challenge or have open reports; and the open reports, oldest first. A
/// moderator never sees here the challenges they may not judge (of a brand they belong to, or that they entered):
/// someone else must decide on those. Authors are named as <see cref="AuthorVisibility"/> allows.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix",
    Justification = "Named after the moderators' queue of work, not a queue collection.")]
public static class GetScreeningQueue
{
    /// <summary>How many waiting entries the page lists at once (the oldest): each comes with three decision forms.</summary>
    public const int PageSize = 10;

    /// <summary>Waiting entries are counted up to this many ("more than ..." beyond), so the count stays cheap.</summary>
    public const int CountLimit = 200;

    public sealed record Query : IQuery<Overview>;

    /// <summary>
    /// The oldest waiting entries (up to <see cref="PageSize"/>), how many wait in all (counted up to <see cref="CountLimit"/> + 1),
    /// and the open reports, oldest first.
    /// </summary>
    public sealed record Overview(IReadOnlyList<Row> Entries, int WaitingCount, IReadOnlyList<OpenReport> Reports)
    {
        /// <summary>More entries wait than were counted: say "more than <see cref="CountLimit"/>".</summary>
        public bool ManyMoreWaiting => WaitingCount > CountLimit;
    }

    /// <summary>
    /// A waiting entry: its version (for the decision forms), whether submissions are still open (so its author could still
    /// make changes), its first image, the other accounts' entries in the same challenge that hold one of its files, and
    /// how many open reports are about it.
    /// </summary>
    public sealed record Row(EntryId Id, uint Version, ChallengeId ChallengeId, string ChallengeTitle, string Title, string CreativeName,
        DateTimeOffset SubmittedAt, bool CanRequestChanges, Image? Preview, IReadOnlyList<EntryId> SharesFilesWith, int OpenReports);

    /// <summary>An entry file shown as a preview: its id among the entry's files (as the file page addresses it).</summary>
    public sealed record Image(Guid EntryFileId, string FileName, bool HasThumbnail);

    /// <summary>An open report, about an entry (EntryId) or about the challenge itself (EntryId null).</summary>
    public sealed record OpenReport(Guid Id, ChallengeId ChallengeId, string ChallengeTitle, EntryId? EntryId, string? EntryTitle,
        ReportReason Reason, string Text, string ReporterName, DateTimeOffset CreatedAt);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Overview>
    {
        public async ValueTask<Overview> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            if (!currentUser.IsStaff())
            {
                throw new ForbiddenException();
            }

            var now = clock.GetUtcNow();
            var screenable = db.Challenges.Where(db.MayJudge(userId))
                .Where(challenge => (challenge.Status == ChallengeStatus.Open || challenge.Status == ChallengeStatus.Judging) && challenge.RankingLockedAt == null);

            // Checked entry by entry (a scalar subquery PostgreSQL keeps as such), so the oldest are read from the index on
            // status and submission time and the scan stops at the page, instead of walking every open challenge first.
            var waiting = db.Entries.AsNoTracking().IgnoreAutoIncludes()
                .Where(entry => entry.Status == EntryStatus.Submitted
                    && screenable.Where(challenge => challenge.Id == entry.ChallengeId).Select(challenge => 1).FirstOrDefault() == 1)
                .OrderBy(entry => entry.SubmittedAt).ThenBy(entry => entry.Id);

            // One statement: the oldest page (over the index on status, submission time and id) with its challenges, how
            // many wait in all, each entry's author numbered as pseudonyms number them, its open reports, its files and,
            // per file, the active entries of the same challenge holding the same bytes.
            var authors = db.NumberedAuthors();
            var page = await waiting
                .Take(PageSize)
                .Join(db.Challenges, entry => entry.ChallengeId, challenge => challenge.Id, (entry, challenge) => new { entry, challenge })
                .OrderBy(row => row.entry.SubmittedAt).ThenBy(row => row.entry.Id)
                .Select(row => new
                {
                    row.entry.Id, row.entry.Version, row.entry.ChallengeId, row.entry.CreativeUserId, row.entry.Title, row.entry.SubmittedAt,
                    Challenge = row.challenge,
                    CreativeName = db.Users.Where(user => user.Id == row.entry.CreativeUserId).Select(user => user.DisplayName).FirstOrDefault() ?? string.Empty,
                    AuthorNumber = authors.Where(author => author.ChallengeId == row.entry.ChallengeId && author.UserId == row.entry.CreativeUserId)
                        .Select(author => author.Number).FirstOrDefault(),
                    OpenReports = db.Reports.Count(report => report.ResolvedAt == null && report.EntryId == row.entry.Id),
                    WaitingCount = waiting.Take(CountLimit + 1).Count(),
                    Files = row.entry.Files.OrderBy(file => file.Position)
                        .Select(file => new
                        {
                            file.Id, file.FileName, file.ContentType, file.Sha256, file.ThumbnailFileId,
                            Holders = db.Entries.Where(other => other.ChallengeId == row.entry.ChallengeId && other.Id != row.entry.Id
                                    && other.Status != EntryStatus.Withdrawn && other.Files.Any(same => same.Sha256 == file.Sha256))
                                .Select(other => new { other.Id, other.CreativeUserId })
                                .ToList(),
                        })
                        .ToList(),
                })
                .ToListAsync(cancellationToken);

            // The page's entries and the other holders of their files, each with the files it is known to hold.
            var holders = page.Select(entry => (entry.Id, entry.ChallengeId, entry.CreativeUserId, Sha256s: entry.Files.Select(file => file.Sha256)))
                .Concat(page.SelectMany(entry => entry.Files.SelectMany(file => file.Holders.Select(other =>
                    (other.Id, entry.ChallengeId, other.CreativeUserId, Sha256s: (IEnumerable<string>)[file.Sha256])))))
                .GroupBy(holder => (holder.Id, holder.ChallengeId, holder.CreativeUserId))
                .Select(group => new DuplicateFiles.Holder(group.Key.Id, group.Key.ChallengeId, group.Key.CreativeUserId,
                    [.. group.SelectMany(holder => holder.Sha256s).Distinct(StringComparer.Ordinal)]))
                .ToList();
            var shared = DuplicateFiles.SharedWithOtherAccounts(holders);

            var rows = page.Select(entry =>
            {
                var image = entry.Files.FirstOrDefault(file => file.ContentType.StartsWith("image/", StringComparison.Ordinal));
                var author = AuthorVisibility.NameOf(entry.Challenge, currentUser, entry.CreativeUserId, entry.AuthorNumber, entry.CreativeName, email: null);
                return new Row(entry.Id, entry.Version, entry.ChallengeId, entry.Challenge.Title, entry.Title, author.Name,
                    entry.SubmittedAt, entry.Challenge.AcceptsEntries(now),
                    image is null ? null : new Image(image.Id, image.FileName, image.ThumbnailFileId is not null),
                    shared[entry.Id], entry.OpenReports);
            }).ToList();
            return new Overview(rows, page.Count == 0 ? 0 : page[0].WaitingCount, await OpenReportsAsync(userId, cancellationToken));
        }

        /// <summary>The open reports on challenges the moderator may judge, with the entry's title and the reporter's name, in one statement.</summary>
        private async Task<List<OpenReport>> OpenReportsAsync(string userId, CancellationToken cancellationToken) =>
            await db.Reports.AsNoTracking()
                .Where(report => report.ResolvedAt == null)
                .Join(db.Challenges.Where(db.MayJudge(userId)), report => report.ChallengeId, challenge => challenge.Id,
                    (report, challenge) => new { Report = report, ChallengeTitle = challenge.Title })
                .OrderBy(row => row.Report.CreatedAt)
                .Select(row => new OpenReport(row.Report.Id, row.Report.ChallengeId, row.ChallengeTitle, row.Report.EntryId,
                    db.Entries.Where(entry => entry.Id == row.Report.EntryId).Select(entry => entry.Title).FirstOrDefault(),
                    row.Report.Reason, row.Report.Text,
                    db.Users.Where(user => user.Id == row.Report.ReporterUserId).Select(user => user.DisplayName).FirstOrDefault() ?? string.Empty,
                    row.Report.CreatedAt))
                .ToListAsync(cancellationToken);
    }
}
