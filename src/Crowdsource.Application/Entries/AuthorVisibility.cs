using System.Globalization;
using Crowdsource.Application.Common;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Entries;

/// <summary>How an entry's author is named to one viewer: their display name and e-mail, or a pseudonym and no e-mail.</summary>
/// <param name="Name">The display name, or "Creative 3" when the author is hidden from the viewer.</param>
/// <param name="Email">The author's e-mail address; null when the author is hidden.</param>
/// <param name="IsHidden">Whether the name is a pseudonym.</param>
internal sealed record AuthorName(string Name, string? Email, bool IsHidden);

/// <summary>
/// The one rule on naming the authors of a challenge's entries (<see cref="Challenge.HidesAuthors"/>): on a blind
/// challenge, until the results are announced, nothing shown or sent to anyone but the author themself names them —
/// not to the brand, not to a judge or moderator, in no page, PDF or CSV. Each author gets a pseudonym instead,
/// numbered in the order they first entered ("Creative 1" entered first), the same for all their entries, so
/// moderators still see that two entries come from one account. Every query that names an author asks here.
/// </summary>
internal static class AuthorVisibility
{
    /// <summary>The names of every author of the challenge's entries (any status), as <paramref name="viewer"/> may see them.</summary>
    public static async Task<IReadOnlyDictionary<string, AuthorName>> AuthorNamesAsync(
        this ICrowdsourceDb db, ICurrentUser viewer, Challenge challenge, CancellationToken cancellationToken)
    {
        var authors = await db.Entries.AsNoTracking().IgnoreAutoIncludes()
            .Where(entry => entry.ChallengeId == challenge.Id)
            .GroupBy(entry => entry.CreativeUserId)
            .Select(group => new { UserId = group.Key, FirstEntered = group.Min(entry => entry.SubmittedAt) })
            .OrderBy(author => author.FirstEntered).ThenBy(author => author.UserId)
            .Select(author => author.UserId)
            .ToListAsync(cancellationToken);
        var named = challenge.HidesAuthors ? authors.Where(id => id == viewer.Id).ToList() : authors;
        var people = await db.Users.AsNoTracking().Where(user => named.Contains(user.Id))
            .ToDictionaryAsync(user => user.Id, user => (user.DisplayName, user.Email), cancellationToken);
        return authors.Select((id, index) => (Id: id, Name: people.TryGetValue(id, out var person)
                ? NameOf(challenge, viewer, id, index + 1, person.DisplayName, person.Email)
                : NameOf(challenge, viewer, id, index + 1, null, null)))
            .ToDictionary(author => author.Id, author => author.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// How one author is named to <paramref name="viewer"/>, for queries that read the author with their rows:
    /// <paramref name="order"/> is their place among the challenge's authors by first entry (1 entered first), and their
    /// display name and e-mail are null when the account is gone (a pseudonym then, as when the author is hidden).
    /// </summary>
    public static AuthorName NameOf(Challenge challenge, ICurrentUser viewer, string authorId, int order, string? displayName, string? email)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(viewer);
        return displayName is not null && (!challenge.HidesAuthors || authorId == viewer.Id)
            ? new AuthorName(displayName, email, false)
            : new AuthorName(string.Format(CultureInfo.CurrentCulture, Messages.CreativePseudonym, order), null, true);
    }
}
