using Crowdsource.Application.Accounts;
using Crowdsource.Application.Auditing;
using Crowdsource.Application.Common;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Resources;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Common;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Application.Privacy;

/// <summary>
/// A person deletes their account, after typing their password. Entries in challenges still running are withdrawn;
/// every entry's files are deleted, except those of awarded entries (the brand's rights and the results rest on them); entries and licence acceptance records stay as proof, detached from personal
/// data (the account row is emptied and locked, the IP address and browser of each acceptance are erased).
/// The only owner of a brand must first hand it over.
/// </summary>
public static class DeleteMyAccount
{
    /// <summary>Not <see cref="ITransactional"/> as a whole: a wrong password must count towards the lockout, so it is checked before the transaction.</summary>
    public sealed record Command(string Password) : ICommand;

    internal sealed class Handler(ICrowdsourceDb db, ICurrentUser currentUser, UserManager<CrowdsourceUser> users, TimeProvider clock, IUserSessions sessions)
        : ICommandHandler<Command>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken cancellationToken)
        {
            var userId = currentUser.RequireId();
            var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException();
            await users.ConfirmPasswordAsync(user, command.Password ?? string.Empty, nameof(Command.Password));
            return await db.InTransactionAsync(ct => EraseAsync(userId, ct), cancellationToken);
        }

        private async Task<Unit> EraseAsync(string userId, CancellationToken cancellationToken)
        {
            var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException();
            var now = clock.GetUtcNow();
            var brands = await db.Brands.Include(brand => brand.Members)
                .Where(brand => brand.Members.Any(member => member.UserId == userId)).ToListAsync(cancellationToken);
            if (brands.Find(brand => brand.IsOwner(userId) && brand.Members.Count(member => member.Role == Domain.Brands.BrandRole.Owner) == 1) is { } owned)
            {
                throw new DomainRuleException("account.last-owner", string.Format(System.Globalization.CultureInfo.CurrentCulture, Messages.DeleteAccountLastOwner, owned.Name));
            }

            brands.ForEach(brand => brand.RemoveMember(userId));

            var entries = await db.Entries.Where(entry => entry.CreativeUserId == userId).ToListAsync(cancellationToken);
            var challengeIds = entries.Select(entry => entry.ChallengeId).Distinct().ToList();
            var running = await db.Challenges.IgnoreAutoIncludes().Where(Challenge.IsRunning)
                .Where(challenge => challengeIds.Contains(challenge.Id))
                .Select(challenge => challenge.Id).ToListAsync(cancellationToken);
            var entryIds = entries.Select(entry => entry.Id).ToList();
            var awarded = await db.Awards.Where(award => entryIds.Contains(award.EntryId)).Select(award => award.EntryId).ToListAsync(cancellationToken);
            var deletedFiles = entries
                .SelectMany(entry => entry.DetachFromDeletedAccount(running.Contains(entry.ChallengeId), awarded.Contains(entry.Id), now))
                .ToList();

            await db.ChallengeFollowers.Where(follower => follower.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.SavedSearches.Where(search => search.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.PayoutDetails.Where(details => details.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
            if (user.AvatarFileId is { } avatar)
            {
                deletedFiles.Add(avatar);
            }

            user.Anonymise(now);
            db.Record(null, "Account", Guid.Parse(userId), "account.deleted", $"{entries.Count} entries detached, {running.Count} running challenges", now);
            await db.SaveChangesAsync(cancellationToken);

            // The acceptance records are append-only; the database lets exactly these two personal fields be erased.
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "LicenceAcceptances" SET "IpAddress" = NULL, "UserAgent" = NULL WHERE "CreativeUserId" = {userId}
                """, cancellationToken);
            await db.StoredFiles.Where(file => deletedFiles.Contains(file.Id)).ExecuteDeleteAsync(cancellationToken);

            // The row stays (anonymised), so its sessions would not go with it: end them all.
            await sessions.EndAllAsync(userId, cancellationToken);
            return Unit.Value;
        }
    }
}
