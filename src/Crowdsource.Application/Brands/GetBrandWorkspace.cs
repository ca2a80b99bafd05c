using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Brands;

/// <summary>
/// A member's view of their brand: profile, members, pending invitations, how many challenges it has in each status, and
/// its challenges a page at a time (by status, then the latest changed) with their next deadline, entries and unanswered
/// questions (the brand dashboard). Two statements whatever the number of challenges: the brand with its members' names,
/// invitations and counts by status; the page with its counts.
/// </summary>
public static class GetBrandWorkspace
{
    public const int PageSize = 50;

    public sealed record Query(BrandId BrandId, int Page = 1) : IQuery<Workspace>;

    public sealed record Workspace(
        BrandId Id, string Name, string Slug, string Description, string? Website, Guid? LogoFileId, bool IsVerified, BrandRole MyRole,
        IReadOnlyList<Member> Members, IReadOnlyList<PendingInvitation> Invitations, IReadOnlyList<ChallengeRow> Challenges,
        IReadOnlyList<StatusCount> ByStatus, int Page, bool HasMore);

    public sealed record Member(string UserId, string DisplayName, string Email, BrandRole Role, DateTimeOffset JoinedAt);

    public sealed record PendingInvitation(Guid Id, string Email, BrandRole Role, DateTimeOffset ExpiresAt);

    public sealed record ChallengeRow(ChallengeId Id, string Title, ChallengeStatus Status, DateTimeOffset? NextDeadline,
        int EntryCount, int UnansweredQuestions, string? RejectionReason);

    /// <summary>How many of the brand's challenges are in a status (all of them, not only the page's).</summary>
    public sealed record StatusCount(ChallengeStatus Status, int Count);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Workspace>
    {
        public async ValueTask<Workspace> Handle(Query query, CancellationToken cancellationToken)
        {
            var me = currentUser.RequireId();
            var page = Paging.Clamp(query.Page);
            var now = clock.GetUtcNow();

            // Members only: anyone else learns nothing (404), as with MemberBrandAsync. One statement for the brand, its
            // members, its pending invitations and its challenges counted by status (a few rows each).
            var brand = await db.Brands.AsNoTracking()
                .Where(candidate => candidate.Id == query.BrandId && candidate.Members.Any(member => member.UserId == me))
                .Select(candidate => new
                {
                    candidate.Id, candidate.Name, candidate.Slug, candidate.Description, candidate.Website, candidate.LogoFileId, candidate.IsVerified,
                    Members = candidate.Members
                        .Join(db.Users, member => member.UserId, user => user.Id, (member, user) => new { member.UserId, user.DisplayName, user.Email, member.Role, member.JoinedAt })
                        .ToList(),
                    Invitations = db.BrandInvitations
                        .Where(invitation => invitation.BrandId == candidate.Id && invitation.AcceptedAt == null && invitation.RevokedAt == null && invitation.ExpiresAt > now)
                        .OrderBy(invitation => invitation.Email)
                        .Select(invitation => new PendingInvitation(invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt))
                        .ToList(),
                    ByStatus = db.Challenges.Where(challenge => challenge.BrandId == candidate.Id)
                        .GroupBy(challenge => challenge.Status)
                        .Select(group => new StatusCount(group.Key, group.Count()))
                        .ToList(),
                })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException();
            var members = brand.Members
                .OrderByDescending(member => member.Role).ThenBy(member => member.JoinedAt)
                .Select(member => new Member(member.UserId, member.DisplayName, member.Email!, member.Role, member.JoinedAt))
                .ToList();

            var challenges = await db.Challenges.AsNoTracking()
                .Where(challenge => challenge.BrandId == brand.Id)
                .OrderBy(challenge => challenge.Status).ThenByDescending(challenge => challenge.UpdatedAt).ThenBy(challenge => challenge.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize + 1)
                .Select(challenge => new
                {
                    challenge.Id,
                    challenge.Title,
                    challenge.Status,
                    challenge.SubmissionOpensAt,
                    challenge.SubmissionDeadline,
                    challenge.JudgingDeadline,
                    challenge.RejectionReason,
                    Entries = db.Entries.Count(entry => entry.ChallengeId == challenge.Id && entry.Status != Domain.Entries.EntryStatus.Withdrawn),
                    Unanswered = db.ChallengeQuestions.Count(question => question.ChallengeId == challenge.Id && question.Answer == null),
                })
                .ToListAsync(cancellationToken);

            var rows = challenges.Take(PageSize).Select(challenge => new ChallengeRow(challenge.Id, challenge.Title, challenge.Status,
                    NextDeadline(challenge.Status, challenge.SubmissionOpensAt, challenge.SubmissionDeadline, challenge.JudgingDeadline),
                    challenge.Entries, challenge.Unanswered, challenge.RejectionReason))
                .ToList();

            return new Workspace(brand.Id, brand.Name, brand.Slug, brand.Description, brand.Website?.ToString(), brand.LogoFileId, brand.IsVerified,
                brand.Members.Single(member => member.UserId == me).Role, members, brand.Invitations, rows,
                [.. brand.ByStatus.OrderBy(count => count.Status)], page, challenges.Count > PageSize);
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
