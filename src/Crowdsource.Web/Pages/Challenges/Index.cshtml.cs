using Crowdsource.Application.Challenges;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Crowdsource.Web.Pages.Challenges;

/// <summary>Browse and search challenges. Every filter is a plain GET parameter, so results can be shared.</summary>
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class IndexModel(ISender sender) : PageModel
{
    [BindProperty(Name = "q", SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ChallengeCategory? Category { get; set; }

    [BindProperty(Name = "phase", SupportsGet = true)]
    public ListChallenges.Phase Phase { get; set; }

    [BindProperty(Name = "min", SupportsGet = true)]
    public decimal? MinimumPrize { get; set; }

    [BindProperty(Name = "max", SupportsGet = true)]
    public decimal? MaximumPrize { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Brand { get; set; }

    [BindProperty(Name = "sort", SupportsGet = true)]
    public ListChallenges.Order Sort { get; set; }

    [BindProperty(Name = "p", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    [BindProperty(Name = "asof", SupportsGet = true)]
    public DateTimeOffset? AsOf { get; set; }

    public ListChallenges.Result Result { get; private set; } = null!;

    /// <summary>The minimum prize asked for is above the maximum: nothing can match, and the page says why.</summary>
    public bool PrizeRangeInverted => MinimumPrize > MaximumPrize;

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await sender.Send(new ListChallenges.Query(Search, Category, Phase, MinimumPrize, MaximumPrize, Brand, Sort, PageNumber, AsOf), cancellationToken);

    /// <summary>How many filters narrow the list (the search text and the order aside), shown on the folded "Filters".</summary>
    public int ActiveFilterCount =>
        (Category is null ? 0 : 1) + (Phase == ListChallenges.Phase.Any ? 0 : 1) + (MinimumPrize is null ? 0 : 1)
        + (MaximumPrize is null ? 0 : 1) + (string.IsNullOrEmpty(Brand) ? 0 : 1);

    public Pager Pager => new(Result.Page, Result.PageCount, Result.HasNext, PageLink);

    /// <summary>What this search asks for, as a saved search keeps it.</summary>
    public ChallengeCriteria Criteria => new(Search, Category, MinimumPrize, MaximumPrize, Brand);

    /// <summary>The route values of this search on another page, as of the first page.</summary>
    private Dictionary<string, string> PageLink(int page) => new()
    {
        ["q"] = Search ?? string.Empty,
        ["category"] = Category?.ToString() ?? string.Empty,
        ["phase"] = Phase.ToString(),
        ["min"] = MinimumPrize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        ["max"] = MaximumPrize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
        ["brand"] = Brand ?? string.Empty,
        ["sort"] = Sort.ToString(),
        ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["asof"] = Result.AsOf.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
    };
}
