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
            // One statement: the challenge, the viewer and every question on it with its asker's name; what this viewer may
            // read of them is chosen here, below.
            var (challenge, viewer, questions) = await db.VisibleChallengeAsync(currentUser, query.ChallengeId, candidate => db.ChallengeQuestions
                .Where(question => question.ChallengeId == candidate.Id)
                .OrderBy(question => question.AskedAt)
                .Join(db.Users, question => question.AskedByUserId, user => user.Id, (question, user) => new
                {
                    question.Id, question.Text, question.AskedAt, question.AskedByUserId, user.DisplayName, question.Answer, question.AnsweredAt, question.IsPrivate,
                })
                .ToList(), cancellationToken);

            var seesAll = viewer.IsStaff || viewer.Brands.Contains(challenge.BrandId);
            var me = viewer.UserId ?? string.Empty;
            return [.. questions
                .Where(question => seesAll || question.AskedByUserId == me || (question.Answer != null && !question.IsPrivate))
                .Select(question => new Row(question.Id, question.Text, question.AskedAt, question.AskedByUserId == me, seesAll ? question.DisplayName : null,
                    question.Answer, question.AnsweredAt, question.IsPrivate))];
        }
    }
}
