using Crowdsource.Application.Common;
using Crowdsource.Application.Notifications;
using Crowdsource.Application.Resources;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.SavedSearches;

/// <summary>
/// A job of the clock: once a day per person who chose it, one e-mail lists the public challenges published since
/// their last digest that match any of their saved searches (each challenge once). Nothing new, no e-mail. The
/// searches of a person whose digest is due are locked with FOR UPDATE SKIP LOCKED, so several app instances never
/// send the same digest twice.
/// </summary>
public static class SendSavedSearchDigests
{
    public const int BatchSize = 50;

    /// <summary>A digest lists at most this many challenges, and links to the list for the rest.</summary>
    public const int MaximumListed = 20;

    /// <returns>The number of people whose digest was due.</returns>
    public sealed record Command : ICommand<int>, ITransactional;

    internal sealed class Handler(ICrowdsourceDb db, ISiteLinks links, TimeProvider clock) : ICommandHandler<Command, int>
    {
        public async ValueTask<int> Handle(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var upTo = SavedSearchPublications.SettledBefore(now);
            var dueSince = now - Domain.Challenges.SavedSearch.DigestInterval;

            // Every digest search of the people with one due: they all go in the same e-mail and start again together.
            var searches = await db.SavedSearches
                .FromSql($"""
                    SELECT * FROM "SavedSearches"
                    WHERE "EmailDigest" AND "UserId" IN (
                        SELECT DISTINCT "UserId" FROM "SavedSearches" WHERE "EmailDigest" AND "DigestedUpTo" <= {dueSince} LIMIT {BatchSize})
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken);
            var people = searches.GroupBy(search => search.UserId).Where(person => person.Any(search => search.IsDigestDue(now))).ToList();
            var userIds = people.Select(person => person.Key).ToList();
            var accounts = await db.Users.AsNoTracking()
                .Where(user => userIds.Contains(user.Id) && user.DeletedAt == null)
                .ToDictionaryAsync(user => user.Id, user => new { user.Email, user.DisplayName, user.PreferredCulture }, cancellationToken);

            foreach (var person in people)
            {
                var found = new List<SavedSearchPublications.Match>();
                foreach (var search in person)
                {
                    found.AddRange(await SavedSearchPublications.MatchingAsync(db, search, search.DigestedUpTo, upTo, MaximumListed, cancellationToken));
                    search.MarkDigested(upTo);
                }

                var listed = found.DistinctBy(match => match.Id).OrderBy(match => match.PublishedAt).Take(MaximumListed).ToList();
                if (listed.Count > 0 && accounts.TryGetValue(person.Key, out var account) && account.Email is { } email)
                {
                    db.OutgoingEmails.Add(Emails.Compose(
                        email, account.DisplayName, account.PreferredCulture, nameof(Messages.SavedSearchDigestSubject),
                        nameof(Messages.SavedSearchDigestIntro), nameof(Messages.SavedSearchDigestAction), links.Page("/Account/Manage/Searches"), now,
                        [listed.Count], [listed.Count], nameof(Messages.SavedSearchDigestFooter), "saved-search-digest",
                        [.. listed.Select(match => new EmailItem($"{match.Title} ({match.BrandName})", links.Page(Recipients.ChallengePage(match.Id))))]));
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            return people.Count;
        }
    }
}
