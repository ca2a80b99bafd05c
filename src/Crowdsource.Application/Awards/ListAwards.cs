using Crowdsource.Application.Administration;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Judging;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>Every award, for the admins who record payments: unpaid first (oldest decision first), then paid, newest first.</summary>
public static class ListAwards
{
    public const int PageSize = 50;

    public sealed record Query(int Page = 1) : IQuery<Result>;

    public sealed record Row(
        Guid Id, Guid ChallengeId, string ChallengeTitle, int Rank, Guid EntryId, string EntryTitle, string CreativeName,
        decimal Amount, string Currency, AwardMethod Method, DateTimeOffset DecidedAt, DateTimeOffset? PaidAt, string? PaymentReference,
        uint Version)
    {
        public bool IsPaid => PaidAt is not null;
    }

    public sealed record Result(IReadOnlyList<Row> Rows, int Page, bool HasMore);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            currentUser.RequireAdmin();
            var page = Paging.Clamp(query.Page);
            var rows = await (
                    from award in db.Awards.AsNoTracking()
                    join challenge in db.Challenges on award.ChallengeId equals challenge.Id
                    join entry in db.Entries.IgnoreAutoIncludes() on award.EntryId equals entry.Id
                    join creative in db.Users on entry.CreativeUserId equals creative.Id
                    orderby award.PaidAt == null descending, award.PaidAt descending, award.DecidedAt, award.Rank, award.Id
                    select new Row(award.Id, challenge.Id.Value, challenge.Title, award.Rank, entry.Id.Value, entry.Title, creative.DisplayName,
                        award.Amount, award.Currency, award.Method, award.DecidedAt, award.PaidAt, award.PaymentReference, award.Version))
                .Skip((page - 1) * PageSize)
                .Take(PageSize + 1)
                .ToListAsync(cancellationToken);
            return new Result([.. rows.Take(PageSize)], page, rows.Count > PageSize);
        }
    }
}
