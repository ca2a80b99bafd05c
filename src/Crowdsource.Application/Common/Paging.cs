namespace Crowdsource.Application.Common;

/// <summary>
/// The page numbers a list accepts: from 1 to a bound no list reaches, so that an offset (page - 1) x page size never
/// overflows. A link with p=2147483647 made a negative offset, which PostgreSQL refuses (a 500).
/// </summary>
public static class Paging
{
    public const int LastPage = 1_000_000;

    public static int Clamp(int page) => Math.Clamp(page, 1, LastPage);
}
