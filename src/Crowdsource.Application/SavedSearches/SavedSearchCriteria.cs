using Crowdsource.Application.Challenges;
using Crowdsource.Domain.Challenges;

namespace Crowdsource.Application.SavedSearches;

internal static class SavedSearchCriteria
{
    /// <summary>What a saved search asks of the challenge list.</summary>
    public static ChallengeCriteria Of(SavedSearch search) =>
        new(search.Text, search.Category, search.MinimumPrize, search.MaximumPrize, search.Brand);
}
