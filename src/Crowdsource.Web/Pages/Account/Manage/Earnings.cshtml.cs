using System.Globalization;
using Crowdsource.Application.Earnings;
using Crowdsource.Application.Payouts;
using Crowdsource.Web.Hosting;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Crowdsource.Web.Pages.Account.Manage;

/// <summary>The creative's earnings (prizes won: awaiting payment or paid, with their documents) and where they are paid.</summary>
public sealed class EarningsModel(ISender sender) : PageModel
{
    [FromQuery(Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ListMyEarnings.Result Result { get; private set; } = null!;

    public GetMyPayoutDetails.Summary? Payout { get; private set; }

    public Pager Pager => new(Result.Page, null, Result.HasMore,
        page => new Dictionary<string, string>(StringComparer.Ordinal) { ["p"] = page.ToString(CultureInfo.InvariantCulture) });

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await sender.Send(new ListMyEarnings.Query(PageNumber), cancellationToken);
        Payout = await sender.Send(new GetMyPayoutDetails.Query(), cancellationToken);
    }
}
