using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Judging;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>Challenges waiting for a moderator, oldest first, and the published ones a moderator may cancel.</summary>
public static class GetModerationDesk
{
    public sealed record Query : IQuery<Desk>;

    public sealed record Desk(IReadOnlyList<Row> InReview, IReadOnlyList<Row> Live);

    public sealed record Row(ChallengeId Id, string Title, string BrandName, ChallengeStatus Status, DateTimeOffset UpdatedAt, DateTimeOffset? Deadline);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Desk>
    {
        public async ValueTask<Desk> Handle(Query query, CancellationToken cancellationToken)
        {
            if (!currentUser.IsStaff())
            {
                throw new ForbiddenException();
            }

            var rows = await db.Challenges.AsNoTracking()
                .Where(db.MayJudge(currentUser.RequireId()))
                .Where(challenge => challenge.Status == ChallengeStatus.InReview || challenge.Status == ChallengeStatus.Scheduled || challenge.Status == ChallengeStatus.Open)
                .Join(db.Brands, challenge => challenge.BrandId, brand => brand.Id, (challenge, brand) =>
                    new Row(challenge.Id, challenge.Title, brand.Name, challenge.Status, challenge.UpdatedAt, challenge.SubmissionDeadline))
                .ToListAsync(cancellationToken);

            return new Desk(
                [.. rows.Where(row => row.Status == ChallengeStatus.InReview).OrderBy(row => row.UpdatedAt)],
                [.. rows.Where(row => row.Status != ChallengeStatus.InReview).OrderBy(row => row.Deadline)]);
        }
    }
}
