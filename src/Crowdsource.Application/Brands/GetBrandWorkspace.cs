using Crowdsource.Application.Common;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>
/// A member's view of their brand: profile, members, pending invitations, and the challenges by status with
/// their next deadline (the brand dashboard).
/// </summary>
public static class GetBrandWorkspace
{
    public sealed record Query(BrandId BrandId) : IQuery<Workspace>;

    public sealed record Workspace(
        BrandId Id, string Name, string Slug, string Description, string? Website, Guid? LogoFileId, bool IsVerified, BrandRole MyRole,
        IReadOnlyList<Member> Members, IReadOnlyList<PendingInvitation> Invitations, IReadOnlyList<ChallengeRow> Challenges);

    public sealed record Member(string UserId, string DisplayName, string Email, BrandRole Role, DateTimeOffset JoinedAt);

    public sealed record PendingInvitation(Guid Id, string Email, BrandRole Role, DateTimeOffset ExpiresAt);

    public sealed record ChallengeRow(ChallengeId Id, string Title, ChallengeStatus Status, DateTimeOffset? NextDeadline,
        int EntryCount, int UnansweredQuestions, string? RejectionReason);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Workspace>
    {
        public async ValueTask<Workspace> Handle(Query query, CancellationToken cancellationToken)
        {
            var brand = await db.MemberBrandAsync(currentUser, query.BrandId, cancellationToken);
            var now = clock.GetUtcNow();
            var memberIds = brand.Members.Select(member => member.UserId).ToList();
            var people = await db.Users.AsNoTracking().Where(user => memberIds.Contains(user.Id))
                .ToDictionaryAsync(user => user.Id, user => (user.DisplayName, user.Email), cancellationToken);
            var members = brand.Members
                .OrderByDescending(member => member.Role).ThenBy(member => member.JoinedAt)
                .Select(member => new Member(member.UserId, people[member.UserId].DisplayName, people[member.UserId].Email!, member.Role, member.JoinedAt))
                .ToList();

            var invitations = await db.BrandInvitations.AsNoTracking()
                .Where(invitation => invitation.BrandId == brand.Id && invitation.AcceptedAt == null && invitation.RevokedAt == null && invitation.ExpiresAt > now)
                .OrderBy(invitation => invitation.Email)
                .Select(invitation => new PendingInvitation(invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt))
                .ToListAsync(cancellationToken);

            var challenges = await db.Challenges.AsNoTracking()
                .Where(challenge => challenge.BrandId == brand.Id)
                .OrderBy(challenge => challenge.Status).ThenByDescending(challenge => challenge.UpdatedAt)
                .Select(challenge => new
                {
                    challenge.Id,
                    challenge.Title,
                    challenge.Status,
                    challenge.SubmissionOpensAt,
                    challenge.SubmissionDeadline,
                    challenge.JudgingDeadline,
                    challenge.RejectionReason,
                })
                .ToListAsync(cancellationToken);

            var challengeIds = challenges.Select(challenge => challenge.Id).ToList();
            var unanswered = await db.ChallengeQuestions.AsNoTracking()
                .Where(question => challengeIds.Contains(question.ChallengeId) && question.Answer == null)
                .GroupBy(question => question.ChallengeId)
                .Select(group => new { ChallengeId = group.Key, Count = group.Count() })
                .ToDictionaryAsync(group => group.ChallengeId, group => group.Count, cancellationToken);

            var entries = await db.Entries.AsNoTracking().IgnoreAutoIncludes()
                .Where(entry => challengeIds.Contains(entry.ChallengeId) && entry.Status != Domain.Entries.EntryStatus.Withdrawn)
                .GroupBy(entry => entry.ChallengeId)
                .Select(group => new { ChallengeId = group.Key, Count = group.Count() })
                .ToDictionaryAsync(group => group.ChallengeId, group => group.Count, cancellationToken);

            var rows = challenges.Select(challenge => new ChallengeRow(challenge.Id, challenge.Title, challenge.Status,
                    NextDeadline(challenge.Status, challenge.SubmissionOpensAt, challenge.SubmissionDeadline, challenge.JudgingDeadline),
                    entries.GetValueOrDefault(challenge.Id), unanswered.GetValueOrDefault(challenge.Id), challenge.RejectionReason))
                .ToList();

            return new Workspace(brand.Id, brand.Name, brand.Slug, brand.Description, brand.Website?.ToString(), brand.LogoFileId, brand.IsVerified,
                brand.RoleOf(currentUser.RequireId())!.Value, members, invitations, rows);
        }

        private static DateTimeOffset? NextDeadline(ChallengeStatus status, DateTimeOffset? opens, DateTimeOffset? deadline, DateTimeOffset? judging) => status switch
        {
            ChallengeStatus.Scheduled => opens,
            ChallengeStatus.Open => deadline,
            ChallengeStatus.Judging => judging,
            _ => null,
        };
    }
}
