using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Crowdsource.Application.Challenges;
using Crowdsource.Application.SavedSearches;
using Crowdsource.Domain.Challenges;
using Crowdsource.Web.Hosting;
using Crowdsource.Web.Resources;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account.Manage;

/// <summary>
/// The signed-in person's saved searches: save the search the challenge list links here with (its criteria come as the
/// list's own parameters), choose the daily e-mail, delete. New matches arrive in the notification centre.
/// </summary>
[RateLimited(RateLimitGroup.Action)]
public sealed class SearchesModel(ISender sender) : PageModel, IRedisplayable
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The list's parameters of the search to save, as its "save this search" link carries them.</summary>
    [BindProperty(Name = "q", SupportsGet = true)]
    public string? ListText { get; set; }

    [BindProperty(Name = "category", SupportsGet = true)]
    public ChallengeCategory? ListCategory { get; set; }

    [BindProperty(Name = "min", SupportsGet = true)]
    public decimal? ListMinimumPrize { get; set; }

    [BindProperty(Name = "max", SupportsGet = true)]
    public decimal? ListMaximumPrize { get; set; }

    [BindProperty(Name = "brand", SupportsGet = true)]
    public string? ListBrand { get; set; }

    public IReadOnlyList<ListMySavedSearches.Item> Searches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await PrepareRedisplayAsync(cancellationToken);
        Input = new InputModel
        {
            Text = ListText,
            Category = ListCategory,
            MinimumPrize = ListMinimumPrize,
            MaximumPrize = ListMaximumPrize,
            Brand = ListBrand,
        };
        Input.Name = SuggestedName(Input.Criteria);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        await sender.Send(new SaveSearch.Command(Input.Name ?? string.Empty, Input.Text, Input.Category, Input.MinimumPrize, Input.MaximumPrize,
            Input.Brand, Input.EmailDigest), cancellationToken);
        TempData["StatusMessage"] = Input.EmailDigest ? UiText.SavedSearchSavedWithDigest : UiText.SavedSearchSaved;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDigestAsync(Guid id, bool emailDigest, CancellationToken cancellationToken)
    {
        await sender.Send(new ChangeSavedSearchDigest.Command(id, emailDigest), cancellationToken);
        TempData["StatusMessage"] = emailDigest ? UiText.SavedSearchDigestOn : UiText.SavedSearchDigestOff;
        return RedirectToPage();
    }

    [Irreversible]
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteSavedSearch.Command(id), cancellationToken);
        TempData["StatusMessage"] = UiText.SavedSearchDeleted;
        return RedirectToPage();
    }

    public async Task PrepareRedisplayAsync(CancellationToken cancellationToken) =>
        Searches = await sender.Send(new ListMySavedSearches.Query(), cancellationToken);

    /// <summary>The challenge list showing what a saved search finds (open and upcoming ones first, as the list sorts them).</summary>
    public static Dictionary<string, string> ListLink(ChallengeCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var values = new Dictionary<string, string?>
        {
            ["q"] = criteria.Text,
            ["category"] = criteria.Category?.ToString(),
            ["min"] = criteria.MinimumPrize?.ToString(CultureInfo.InvariantCulture),
            ["max"] = criteria.MaximumPrize?.ToString(CultureInfo.InvariantCulture),
            ["brand"] = criteria.Brand,
        };
        return values.Where(pair => !string.IsNullOrEmpty(pair.Value)).ToDictionary(pair => pair.Key, pair => pair.Value!);
    }

    /// <summary>What a search asks for, in a line: “logo” · Design · prize from 500 to 2,000 · brand acme.</summary>
    public static string Describe(ChallengeCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var culture = CultureInfo.CurrentCulture;
        var parts = new List<string>();
        if (criteria.HasText)
        {
            parts.Add(string.Format(culture, UiText.SavedSearchWords, criteria.Text));
        }

        if (criteria.Category is { } category)
        {
            parts.Add(StatusNames.Describe(category));
        }

        parts.Add((criteria.MinimumPrize, criteria.MaximumPrize) switch
        {
            ({ } minimum, { } maximum) => string.Format(culture, UiText.SavedSearchPrizeBetween, minimum.ToString("N0", culture), maximum.ToString("N0", culture)),
            ({ } minimum, null) => string.Format(culture, UiText.SavedSearchPrizeFrom, minimum.ToString("N0", culture)),
            (null, { } maximum) => string.Format(culture, UiText.SavedSearchPrizeUpTo, maximum.ToString("N0", culture)),
            _ => string.Empty,
        });

        if (!string.IsNullOrEmpty(criteria.Brand))
        {
            parts.Add(string.Format(culture, UiText.SavedSearchBrand, criteria.Brand));
        }

        var described = string.Join(" · ", parts.Where(part => part.Length > 0));
        return described.Length > 0 ? described : UiText.SavedSearchEverything;
    }

    private static string SuggestedName(ChallengeCriteria criteria)
    {
        var name = criteria.HasText ? criteria.Text!.Trim()
            : criteria.Category is { } category ? StatusNames.Describe(category)
            : criteria.Brand ?? UiText.SavedSearchEverything;
        return name.Length > SavedSearch.NameMaximumLength ? name[..SavedSearch.NameMaximumLength] : name;
    }

    public sealed class InputModel
    {
        [Display(Name = nameof(UiText.SavedSearchName), ResourceType = typeof(UiText))]
        public string? Name { get; set; }

        [Display(Name = nameof(UiText.SearchChallenges), ResourceType = typeof(UiText))]
        public string? Text { get; set; }

        [Display(Name = nameof(UiText.Category), ResourceType = typeof(UiText))]
        public ChallengeCategory? Category { get; set; }

        [Display(Name = nameof(UiText.MinimumPrize), ResourceType = typeof(UiText))]
        public decimal? MinimumPrize { get; set; }

        [Display(Name = nameof(UiText.MaximumPrize), ResourceType = typeof(UiText))]
        public decimal? MaximumPrize { get; set; }

        public string? Brand { get; set; }

        [Display(Name = nameof(UiText.SavedSearchEmailDigest), ResourceType = typeof(UiText))]
        public bool EmailDigest { get; set; }

        public ChallengeCriteria Criteria => new(Text, Category, MinimumPrize, MaximumPrize, Brand);
    }
}
