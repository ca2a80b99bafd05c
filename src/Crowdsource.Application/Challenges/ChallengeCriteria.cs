using Crowdsource.Application.Common;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Crowdsource.Application.Challenges;

/// <summary>
/// What a search of the challenges asks for, apart from the phase and the order: the words, the category, the prize
/// range and the brand. The challenge list and the saved searches filter with the same rules (<see cref="Filter"/>).
/// </summary>
public sealed record ChallengeCriteria(
    string? Text = null, ChallengeCategory? Category = null, decimal? MinimumPrize = null, decimal? MaximumPrize = null, string? Brand = null)
{
    public bool HasText => !string.IsNullOrWhiteSpace(Text);

    /// <summary>The challenges among <paramref name="rows"/> that match.</summary>
    internal IQueryable<Challenge> Filter(IQueryable<Challenge> rows, ICrowdsourceDb db)
    {
        if (HasText)
        {
            var matching = MatchingText(db, Text!.Trim());
            rows = rows.Where(challenge => matching.Contains(challenge.Id));
        }

        if (Category is { } category)
        {
            rows = rows.Where(challenge => challenge.Category == category);
        }

        if (!string.IsNullOrWhiteSpace(Brand))
        {
            var brand = db.Brands.Where(brand => brand.Slug == Brand).Select(brand => brand.Id);
            rows = rows.Where(challenge => brand.Contains(challenge.BrandId));
        }

        if (MinimumPrize is { } minimum)
        {
            rows = rows.Where(challenge => challenge.TotalPrize >= minimum);
        }

        if (MaximumPrize is { } maximum)
        {
            rows = rows.Where(challenge => challenge.TotalPrize <= maximum);
        }

        return rows;
    }

    /// <summary>
    /// Ids of the challenges whose text, or whose brand's name, matches: two indexed lookups (the challenges'
    /// stored search vector, the brands' name index) united, instead of a text vector computed on every row.
    /// </summary>
    private static IQueryable<ChallengeId> MatchingText(ICrowdsourceDb db, string search)
    {
        var brands = db.Brands.Where(brand => EF.Functions.ToTsVector("simple", brand.Name).Matches(EF.Functions.WebSearchToTsQuery("simple", search)))
            .Select(brand => brand.Id);
        return db.Challenges
            .Where(challenge =>
                EF.Property<NpgsqlTsVector>(challenge, "SearchVector").Matches(EF.Functions.WebSearchToTsQuery("english", search))
                || EF.Property<NpgsqlTsVector>(challenge, "SearchVector").Matches(EF.Functions.WebSearchToTsQuery("french", search)))
            .Select(challenge => challenge.Id)
            .Union(db.Challenges.Where(challenge => brands.Contains(challenge.BrandId)).Select(challenge => challenge.Id));
    }
}
