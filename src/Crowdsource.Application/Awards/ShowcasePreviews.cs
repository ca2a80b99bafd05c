using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Awards;

/// <summary>
/// The preview of each entry of a showcase page (its first image file), read for the page's entries only. Asked for
/// inside the page's query, EF Core numbers the files of every entry in the database (a window over a million rows)
/// before the page is cut; a second, small query is cheaper at any volume.
/// </summary>
internal static class ShowcasePreviews
{
    public static async Task<IReadOnlyList<ShowcaseEntry>> WithPreviewsAsync(
        this IReadOnlyList<ShowcaseEntry> page, ICrowdsourceDb db, CancellationToken cancellationToken)
    {
        if (page.Count == 0)
        {
            return page;
        }

        var entryIds = page.Select(entry => new EntryId(entry.EntryId)).ToArray();
        var images = await db.Entries.AsNoTracking().IgnoreAutoIncludes()
            .Where(entry => entryIds.Contains(entry.Id))
            .SelectMany(entry => entry.Files)
            .Where(file => EF.Functions.Like(file.ContentType, "image/%"))
            .Select(file => new { EntryId = file.EntryId.Value, file.Position, Preview = new ShowcasePreview(file.Id, file.FileName, file.ThumbnailFileId != null) })
            .ToListAsync(cancellationToken);
        var first = images.GroupBy(image => image.EntryId)
            .ToDictionary(group => group.Key, group => group.MinBy(image => image.Position)!.Preview);
        return [.. page.Select(entry => entry with { Preview = first.GetValueOrDefault(entry.EntryId) })];
    }
}
