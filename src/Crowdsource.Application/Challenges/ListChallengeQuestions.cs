using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// The questions on a challenge a viewer may read: everyone sees the public answers; a creative also sees their own
/// questions; the brand and moderators see all, with who asked. Other creatives never learn who asked what.
/// </summary>
public static class ListChallengeQuestions
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<IReadOnlyList<Row>>;

    // AskedBy: the asker's display name, for the brand and moderators only.
    public sealed record Row(Guid Id, string Text, DateTimeOffset AskedAt, bool AskedByViewer, string? AskedBy, string? Answer,
        DateTimeOffset? AnsweredAt, bool IsPrivate);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            var (challenge, viewer) = await db.VisibleChallengeAsync(currentUser, query.ChallengeId, cancellationToken);

            var seesAll = viewer.IsStaff || viewer.Brands.Contains(challenge.BrandId);
            var me = viewer.UserId ?? string.Empty;
            return await db.ChallengeQuestions.AsNoTracking()
                .Where(question => question.ChallengeId == challenge.Id
                    && (seesAll || question.AskedByUserId == me || (question.Answer != null && !question.IsPrivate)))
                .OrderBy(question => question.AskedAt)
                .Join(db.Users, question => question.AskedByUserId, user => user.Id, (question, user) => new Row(
                    question.Id, question.Text, question.AskedAt, question.AskedByUserId == me, seesAll ? user.DisplayName : null,
                    question.Answer, question.AnsweredAt, question.IsPrivate))
                .ToListAsync(cancellationToken);
        }
    }
}
