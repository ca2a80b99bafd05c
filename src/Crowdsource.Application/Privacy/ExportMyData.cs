using Crowdsource.Application.Common;
using Crowdsource.Domain.Entries;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Privacy;

/// <summary>
/// Everything the platform holds about the signed-in person, to download as a ZIP: profile, brand memberships,
/// questions asked, challenges followed, entries with their licence acceptances and file records, and the entry files.
/// The plan lists documents and files; the web layer writes the archive, streaming each file from the store.
/// </summary>
public static class ExportMyData
{
    public sealed record Query : IQuery<Plan>;

    /// <summary>Documents (path in the archive and the object to write as JSON) and files (path and stored file id).</summary>
    public sealed record Plan(string ArchiveName, IReadOnlyList<(string Path, object Content)> Documents, IReadOnlyList<(string Path, Guid FileId)> Files);

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, TimeProvider clock) : IQueryHandler<Query, Plan>
    {
        public async ValueTask<Plan> Handle(Query query, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var account = await db.Users.AsNoTracking().Where(user => user.Id == userId)
                .Select(user => new { user.Email, user.EmailConfirmed, user.DisplayName, user.Bio, user.PreferredCulture, user.CreatedAt })
                .SingleAsync(cancellationToken);
            var brands = await db.Brands.AsNoTracking()
                .SelectMany(brand => brand.Members.Where(member => member.UserId == userId),
                    (brand, member) => new { brand.Name, brand.Slug, Role = member.Role.ToString(), member.JoinedAt })
                .ToListAsync(cancellationToken);
            var questions = await db.ChallengeQuestions.AsNoTracking().Where(question => question.AskedByUserId == userId)
                .Select(question => new { ChallengeId = question.ChallengeId.Value, question.Text, question.AskedAt, question.Answer, question.AnsweredAt, question.IsPrivate })
                .ToListAsync(cancellationToken);
            var follows = await db.ChallengeFollowers.AsNoTracking().Where(follower => follower.UserId == userId)
                .Select(follower => new { ChallengeId = follower.ChallengeId.Value, follower.FollowedAt })
                .ToListAsync(cancellationToken);
            var searches = await db.SavedSearches.AsNoTracking().Where(search => search.UserId == userId).OrderBy(search => search.CreatedAt)
                .Select(search => new
                {
                    search.Name, search.Text, Category = search.Category.ToString(), search.MinimumPrize, search.MaximumPrize, search.Brand,
                    search.EmailDigest, search.CreatedAt,
                })
                .ToListAsync(cancellationToken);
            // Masked, as the person's page shows them: the archive is a download that may be left lying around.
            var payout = await db.PayoutDetails.AsNoTracking().Where(details => details.UserId == userId)
                .Select(details => new { Method = details.Method.ToString(), Account = details.Masked, details.UpdatedAt })
                .SingleOrDefaultAsync(cancellationToken);
            var entries = await db.Entries.AsNoTracking().Where(entry => entry.CreativeUserId == userId)
                .OrderBy(entry => entry.SubmittedAt).ToListAsync(cancellationToken);
            var challengeIds = entries.Select(entry => entry.ChallengeId).Distinct().ToList();
            var challengeTitles = await db.Challenges.AsNoTracking().IgnoreAutoIncludes().Where(challenge => challengeIds.Contains(challenge.Id))
                .ToDictionaryAsync(challenge => challenge.Id, challenge => challenge.Title, cancellationToken);

            var documents = new List<(string, object)>
            {
                ("profile.json", account),
                ("brands.json", brands),
                ("questions.json", questions),
                ("following.json", follows),
                ("saved-searches.json", searches),
            };
            if (payout is not null)
            {
                documents.Add(("payout-details.json", payout));
            }

            var files = new List<(string, Guid)>();
            foreach (var entry in entries)
            {
                var folder = $"entries/{entry.SubmittedAt:yyyy-MM-dd}-{entry.Id.Value:N}";
                documents.Add(($"{folder}/entry.json", Describe(entry, challengeTitles[entry.ChallengeId])));
                files.AddRange(entry.Files.OrderBy(file => file.Position).Select(file => ($"{folder}/files/{file.Position + 1}-{file.FileName}", file.FileId)));
            }

            return new Plan($"crowdsource-data-{clock.GetUtcNow():yyyy-MM-dd}.zip", documents, files);
        }

        private static object Describe(Entry entry, string challengeTitle) => new
        {
            Id = entry.Id.Value,
            Challenge = new { Id = entry.ChallengeId.Value, Title = challengeTitle },
            entry.Title,
            entry.Description,
            Status = entry.Status.ToString(),
            entry.SubmittedAt,
            entry.UpdatedAt,
            entry.WithdrawnAt,
            Files = entry.Files.OrderBy(file => file.Position).Select(file => new { file.FileName, file.ContentType, file.Length, file.Sha256 }),
            LicenceAcceptances = entry.Acceptances.OrderBy(acceptance => acceptance.AcceptedAt).Select(acceptance => new
            {
                acceptance.LicenceVersionId,
                acceptance.LicenceTextSha256,
                acceptance.DeclaredOriginal,
                acceptance.AcceptedAt,
                acceptance.IpAddress,
                acceptance.UserAgent,
            }),
            FileRecords = entry.FileRecords.OrderBy(record => record.Sequence).Select(record => new { record.Sequence, record.RecordedAt, record.Files }),
        };
    }
}
