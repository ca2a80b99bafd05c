using Crowdsource.Application.Challenges;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Judging;

/// <summary>
/// The moderators' list of challenges in judging, judging deadline first: the panel's size, whether the viewer is on
/// it, the brand's choice awaiting confirmation, and those overdue (past the judging deadline, still not awarded:
/// nothing approved to award, or a choice to confirm) that a moderator must settle.
/// </summary>
public static class ListChallengesInJudging
{
    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(ChallengeId Id, string Title, string BrandName, DateTimeOffset? JudgingDeadline, int ApprovedEntries, int PanelSize,
        bool ViewerIsJudge, bool AwaitingConfirmation, bool Overdue);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!currentUser.IsStaff())
            {
                throw new ForbiddenException();
            }

            var me = currentUser.RequireId();
            var now = clock.GetUtcNow();
            var rows = await db.Challenges.AsNoTracking().IgnoreAutoIncludes()
                .Where(challenge => challenge.Status == ChallengeStatus.Judging)
                .Where(db.MayJudge(me))
                .OrderBy(challenge => challenge.JudgingDeadline)
                .Select(challenge => new
                {
                    challenge.Id,
                    challenge.Title,
                    Brand = db.Brands.Where(brand => brand.Id == challenge.BrandId).Select(brand => brand.Name).FirstOrDefault(),
                    challenge.JudgingDeadline,
                    Approved = db.Entries.Count(entry => entry.ChallengeId == challenge.Id && entry.Status == EntryStatus.Approved),
                    Panel = db.ChallengeJudges.Count(judge => judge.ChallengeId == challenge.Id),
                    Mine = db.ChallengeJudges.Any(judge => judge.ChallengeId == challenge.Id && judge.JudgeUserId == me),
                    Chosen = challenge.WinnersSelectedAt != null,
                })
                .ToListAsync(cancellationToken);
            return [.. rows.Select(row => new Row(row.Id, row.Title, row.Brand ?? string.Empty, row.JudgingDeadline, row.Approved, row.Panel, row.Mine, row.Chosen,
                row.JudgingDeadline <= now))];
        }
    }
}
