using Crowdsource.Domain.Common;

namespace Crowdsource.Domain.Challenges;

/// <summary>A prize: rank 1 is the first prize.</summary>
public sealed record PrizeTier(int Rank, decimal Amount, string Currency)
{
    public Money Prize => new(Amount, Currency);

    /// <summary>Checks the amount and currency (throws a <see cref="DomainRuleException"/>) and returns the tier.</summary>
    public static PrizeTier Create(int rank, decimal amount, string currency)
    {
        var money = new Money(amount, currency);
        return new PrizeTier(rank, money.Amount, money.Currency);
    }
}
