using Crowdsource.Application.Administration;
using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>
/// The runner-up rewards, for the admins who record payments: every unpaid one (oldest decision first), then the
/// <see cref="RecentlyPaid"/> last paid.
/// </summary>
public static class ListRunnerUpRewards
{
    public const int RecentlyPaid = 20;

    public sealed record Query : IQuery<IReadOnlyList<Row>>;

    public sealed record Row(
        Guid Id, Guid ChallengeId, string ChallengeTitle, int Place, Guid EntryId, string EntryTitle, string CreativeName,
        decimal Amount, string Currency, DateTimeOffset DecidedAt, DateTimeOffset? PaidAt, string? PaymentReference, uint Version)
    {
        public bool IsPaid => PaidAt is not null;
    }

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, IReadOnlyList<Row>>
    {
        public async ValueTask<IReadOnlyList<Row>> Handle(Query query, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            var rows =
                from reward in db.RunnerUpRewards.AsNoTracking()
                join challenge in db.Challenges on reward.ChallengeId equals challenge.Id
                join entry in db.Entries.IgnoreAutoIncludes() on reward.EntryId equals entry.Id
                join creative in db.Users on entry.CreativeUserId equals creative.Id
                select new { reward, Row = new Row(reward.Id, challenge.Id.Value, challenge.Title, reward.Place, entry.Id.Value, entry.Title, creative.DisplayName,
                    reward.Amount, reward.Currency, reward.DecidedAt, reward.PaidAt, reward.PaymentReference, reward.Version) };
            var unpaid = await rows.Where(row => row.reward.PaidAt == null)
                .OrderBy(row => row.reward.DecidedAt).ThenBy(row => row.reward.Place).ThenBy(row => row.reward.Id)
                .Select(row => row.Row).ToListAsync(cancellationToken);
            var paid = await rows.Where(row => row.reward.PaidAt != null)
                .OrderByDescending(row => row.reward.PaidAt).ThenBy(row => row.reward.Id).Take(RecentlyPaid)
                .Select(row => row.Row).ToListAsync(cancellationToken);
            return [.. unpaid, .. paid];
        }
    }
}
