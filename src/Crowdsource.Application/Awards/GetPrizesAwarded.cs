using Crowdsource.Application.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>
/// The prizes awarded so far, for the home page: the sum of the awards of every challenge whose results are out, per
/// currency, and how many entries won them. Computed from the awards in one statement, never stored.
/// </summary>
public static class GetPrizesAwarded
{
    public sealed record Query : IQuery<Result>;

    public sealed record Total(string Currency, decimal Amount);

    /// <param name="Totals">One sum per currency, the largest first.</param>
    /// <param name="WinningEntries">How many awards were made.</param>
    public sealed record Result(IReadOnlyList<Total> Totals, int WinningEntries);

    internal sealed class Handler(ICrowdsourceDb db) : IQueryHandler<Query, Result>
    {
        public async ValueTask<Result> Handle(Query query, CancellationToken cancellationToken)
        {
            var totals = await (
                    from award in db.Awards.AsNoTracking()
                    join challenge in db.Challenges on award.ChallengeId equals challenge.Id
                    where challenge.ResultsAnnouncedAt != null
                    group award by award.Currency into currency
                    select new { Currency = currency.Key, Amount = currency.Sum(award => award.Amount), Count = currency.Count() })
                .ToListAsync(cancellationToken);
            return new Result(
                [.. totals.OrderByDescending(total => total.Amount).ThenBy(total => total.Currency, StringComparer.Ordinal).Select(total => new Total(total.Currency, total.Amount))],
                totals.Sum(total => total.Count));
        }
    }
}
