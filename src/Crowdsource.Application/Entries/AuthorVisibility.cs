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
        // The order that numbers pseudonyms (see NumberedAuthors): first entered first, then by account id.
        var authors = await db.Entries.AsNoTracking().IgnoreAutoIncludes()
            .Where(entry => entry.ChallengeId == challenge.Id)
            .GroupBy(entry => entry.CreativeUserId)
            .Select(group => new { UserId = group.Key, FirstEntered = group.Min(entry => entry.SubmittedAt) })
            .OrderBy(author => author.FirstEntered).ThenBy(author => author.UserId)
            .Select(author => author.UserId)
            .ToListAsync(cancellationToken);
        var named = authors.Where(id => !IsHiddenFrom(viewer, challenge, id)).ToList();
        var people = await db.Users.AsNoTracking().Where(user => named.Contains(user.Id))
            .ToDictionaryAsync(user => user.Id, user => new AuthorName(user.DisplayName, user.Email, false), cancellationToken);
        return authors.Select((id, index) => (Id: id, Name: people.GetValueOrDefault(id) ?? Pseudonym(index + 1)))
            .ToDictionary(author => author.Id, author => author.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// Every (challenge, author) with the author's number among the challenge's authors, counted by the database in
    /// the order <see cref="AuthorNamesAsync"/> numbers them (first entered first, then by account id), so a page of
    /// entries from many challenges names its authors in its own statement. Use it filtered on both keys, as a
    /// correlated subquery: PostgreSQL then groups only that challenge's entries.
    /// </summary>
    public static IQueryable<NumberedAuthor> NumberedAuthors(this ICrowdsourceDb db)
    {
        var firstEntries = db.Entries.IgnoreAutoIncludes()
            .GroupBy(entry => new { entry.ChallengeId, entry.CreativeUserId })
            .Select(group => new FirstEntry { ChallengeId = group.Key.ChallengeId, UserId = group.Key.CreativeUserId, FirstEntered = group.Min(entry => entry.SubmittedAt) });
        // string.Compare becomes SQL's "<", under the same collation as AuthorNamesAsync's ORDER BY (an ordinal comparison
        // would not translate, and would not be that order).
#pragma warning disable CA1309
        return firstEntries.Select(author => new NumberedAuthor
        {
            ChallengeId = author.ChallengeId,
            UserId = author.UserId,
            Number = 1 + firstEntries.Count(earlier => earlier.ChallengeId == author.ChallengeId
                && (earlier.FirstEntered < author.FirstEntered
                    || (earlier.FirstEntered == author.FirstEntered && string.Compare(earlier.UserId, author.UserId) < 0))),
        });
#pragma warning restore CA1309
    }

    /// <summary>
    /// How one author is named to <paramref name="viewer"/>, for queries that read the author with their rows:
    /// <paramref name="number"/> is their place among the challenge's authors by first entry (1 entered first), and
    /// their display name and e-mail are null when the account is gone (a pseudonym then, as when the author is hidden).
    /// </summary>
    public static AuthorName NameOf(Challenge challenge, ICurrentUser viewer, string authorId, int number, string? displayName, string? email) =>
        displayName is null || IsHiddenFrom(viewer, challenge, authorId) ? Pseudonym(number) : new AuthorName(displayName, email, false);

    /// <summary>The rule: on a blind challenge until the results, only the author themself sees their name.</summary>
    private static bool IsHiddenFrom(ICurrentUser viewer, Challenge challenge, string authorId) => challenge.HidesAuthors && authorId != viewer.Id;

    private static AuthorName Pseudonym(int number) =>
        new(string.Format(CultureInfo.CurrentCulture, Messages.CreativePseudonym, number), null, true);
}

/// <summary>An author of a challenge with their number among its authors (1 entered first): the pseudonym's number.</summary>
/// <remarks>Classes with init properties, not positional records: EF Core translates members set by name in later clauses.</remarks>
internal sealed class NumberedAuthor
{
    public required ChallengeId ChallengeId { get; init; }

    public required string UserId { get; init; }

    public required int Number { get; init; }
}

/// <summary>When an author first entered a challenge.</summary>
internal sealed class FirstEntry
{
    public required ChallengeId ChallengeId { get; init; }

    public required string UserId { get; init; }

    public required DateTimeOffset FirstEntered { get; init; }
}
