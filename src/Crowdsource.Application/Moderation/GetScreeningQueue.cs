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
    /// <summary>How many waiting entries the page lists at once (the oldest).</summary>
    public const int PageSize = 50;

    public sealed record Query : IQuery<Overview>;

    /// <summary>The oldest waiting entries (up to <see cref="PageSize"/>), how many wait in all, and the open reports, oldest first.</summary>
    public sealed record Overview(IReadOnlyList<Row> Entries, int WaitingCount, IReadOnlyList<OpenReport> Reports);

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
            var challenges = await db.Challenges.AsNoTracking()
                .Where(db.MayJudge(userId))
                .Where(challenge => (challenge.Status == ChallengeStatus.Open || challenge.Status == ChallengeStatus.Judging)
                    && challenge.RankingLockedAt == null
                    && db.Entries.Any(entry => entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Submitted))
                .ToDictionaryAsync(challenge => challenge.Id, cancellationToken);
            var challengeIds = challenges.Keys.ToList();

            // Every active entry of those challenges, since a waiting entry may share a file with one decided earlier.
            var entries = await db.Entries.AsNoTracking()
                .Where(entry => challengeIds.Contains(entry.ChallengeId) && entry.Status != EntryStatus.Withdrawn)
                .Select(entry => new
                {
                    entry.Id, entry.Version, entry.ChallengeId, entry.CreativeUserId, entry.Title, entry.Status, entry.SubmittedAt,
                    Files = entry.Files.OrderBy(file => file.Position)
                        .Select(file => new { file.Id, file.FileName, file.ContentType, file.Sha256, file.ThumbnailFileId }).ToList(),
                })
                .ToListAsync(cancellationToken);
            var shared = DuplicateFiles.SharedWithOtherAccounts([.. entries.Select(entry =>
                new DuplicateFiles.Holder(entry.Id, entry.ChallengeId, entry.CreativeUserId, [.. entry.Files.Select(file => file.Sha256)]))]);

            var waiting = entries.Where(entry => entry.Status == EntryStatus.Submitted).OrderBy(entry => entry.SubmittedAt).ThenBy(entry => entry.Id.Value).ToList();
            var page = waiting.Take(PageSize).ToList();
            var pageIds = page.Select(entry => (EntryId?)entry.Id).ToList();
            var reportCounts = await db.Reports.AsNoTracking()
                .Where(report => report.ResolvedAt == null && pageIds.Contains(report.EntryId))
                .GroupBy(report => report.EntryId)
                .Select(group => new { EntryId = group.Key!.Value, Count = group.Count() })
                .ToDictionaryAsync(group => group.EntryId, group => group.Count, cancellationToken);
            var authors = new Dictionary<ChallengeId, IReadOnlyDictionary<string, AuthorName>>();
            foreach (var challengeId in page.Select(entry => entry.ChallengeId).Distinct())
            {
                authors[challengeId] = await db.AuthorNamesAsync(currentUser, challenges[challengeId], cancellationToken);
            }

            var rows = page.Select(entry =>
            {
                var challenge = challenges[entry.ChallengeId];
                var image = entry.Files.FirstOrDefault(file => file.ContentType.StartsWith("image/", StringComparison.Ordinal));
                return new Row(entry.Id, entry.Version, entry.ChallengeId, challenge.Title, entry.Title, authors[entry.ChallengeId][entry.CreativeUserId].Name,
                    entry.SubmittedAt, challenge.AcceptsEntries(now),
                    image is null ? null : new Image(image.Id, image.FileName, image.ThumbnailFileId is not null),
                    shared[entry.Id], reportCounts.GetValueOrDefault(entry.Id));
            }).ToList();
            return new Overview(rows, waiting.Count, await OpenReportsAsync(userId, cancellationToken));
        }

        private async Task<List<OpenReport>> OpenReportsAsync(string userId, CancellationToken cancellationToken)
        {
            var reports = await db.Reports.AsNoTracking()
                .Where(report => report.ResolvedAt == null)
                .Join(db.Challenges.Where(db.MayJudge(userId)), report => report.ChallengeId, challenge => challenge.Id,
                    (report, challenge) => new { Report = report, ChallengeTitle = challenge.Title })
                .OrderBy(row => row.Report.CreatedAt)
                .ToListAsync(cancellationToken);
            var entryIds = reports.Where(row => row.Report.EntryId is not null).Select(row => row.Report.EntryId!.Value).Distinct().ToList();
            var entryTitles = await db.Entries.AsNoTracking().Where(entry => entryIds.Contains(entry.Id))
                .ToDictionaryAsync(entry => entry.Id, entry => entry.Title, cancellationToken);
            var names = await NamesAsync(reports.Select(row => row.Report.ReporterUserId), cancellationToken);
            return [.. reports.Select(row => new OpenReport(row.Report.Id, row.Report.ChallengeId, row.ChallengeTitle, row.Report.EntryId,
                row.Report.EntryId is { } entryId ? entryTitles.GetValueOrDefault(entryId) : null, row.Report.Reason, row.Report.Text,
                names.GetValueOrDefault(row.Report.ReporterUserId, string.Empty), row.Report.CreatedAt))];
        }

        private async Task<Dictionary<string, string>> NamesAsync(IEnumerable<string> userIds, CancellationToken cancellationToken)
        {
            var ids = userIds.Distinct(StringComparer.Ordinal).ToList();
            return await db.Users.AsNoTracking().Where(user => ids.Contains(user.Id))
                .ToDictionaryAsync(user => user.Id, user => user.DisplayName, cancellationToken);
        }
    }
}
