using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Challenges;

/// <summary>Everything the brand's edit form shows, with the checklist of what is still missing.</summary>
public static class GetChallengeForEditing
{
    public sealed record Query(ChallengeId ChallengeId) : IQuery<Form>;

    /// <summary>The form's facts; <paramref name="CanEditCriteria"/> is the challenge's answer (criteria freeze once an entry exists).</summary>
    public sealed record Form(Challenge Challenge, string BrandName, IReadOnlyList<PublishCheck> MissingForReview, bool CanEditCriteria);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Form>
    {
        public async ValueTask<Form> Handle(Query query, CancellationToken cancellationToken)
        {
            var challenge = await db.ChallengeOfMyBrandAsync(currentUser, query.ChallengeId, cancellationToken);
            db.Challenges.Entry(challenge).State = EntityState.Detached;
            var brandName = await db.Brands.Where(brand => brand.Id == challenge.BrandId).Select(brand => brand.Name).SingleAsync(cancellationToken);
            var missing = challenge.Status == ChallengeStatus.Draft ? challenge.PublishChecks(clock.GetUtcNow()) : [];
            return new Form(challenge, brandName, missing, challenge.CanEditCriteria(await db.HasEntriesAsync(challenge.Id, cancellationToken)));
        }
    }
}
