namespace Crowdsource.Web.Hosting;

/// <summary>
/// A windowed pager for any list: previous, the first page, a few pages around the current one, the last page,
/// next. Its size stays the same whatever the number of pages (see <c>_Pager.cshtml</c>).
/// </summary>
/// <param name="Page">The current page, from 1.</param>
/// <param name="PageCount">How many pages there are, or null when only "is there a next page" is known.</param>
/// <param name="HasNext">Whether a page follows the current one.</param>
/// <param name="RouteValues">The route values of a given page (the list's filters and its page number).</param>
public sealed record Pager(int Page, int? PageCount, bool HasNext, Func<int, IDictionary<string, string>> RouteValues)
{
    /// <summary>How many pages are linked on each side of the current one.</summary>
    public const int Radius = 2;

    public static Pager Numbered(int page, int pageCount, Func<int, IDictionary<string, string>> routeValues) =>
        new(page, pageCount, page < pageCount, routeValues);

    public bool IsNeeded => Page > 1 || HasNext;

    public bool HasPrevious => Page > 1;

    /// <summary>The page numbers to link, in order; null stands for a gap ("…").</summary>
    public IReadOnlyList<int?> Numbers
    {
        get
        {
            var last = PageCount ?? (HasNext ? Page + 1 : Page);
            var from = Math.Max(1, Page - Radius);
            var to = Math.Min(last, Page + Radius);
            var numbers = new List<int?>();
            if (from > 1)
            {
                numbers.Add(1);
                if (from > 2)
                {
                    numbers.Add(null);
                }
            }

            for (var number = from; number <= to; number++)
            {
                numbers.Add(number);
            }

            if (to < last && PageCount is not null)
            {
                if (to < last - 1)
                {
                    numbers.Add(null);
                }

                numbers.Add(last);
            }

            return numbers;
        }
    }
}
