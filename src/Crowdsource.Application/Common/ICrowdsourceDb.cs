using Crowdsource.Application.Accounts;
using Crowdsource.Domain.Auditing;
using Crowdsource.Domain.Brands;
using Crowdsource.Domain.Challenges;
using Crowdsource.Domain.Entries;
using Crowdsource.Domain.Files;
using Crowdsource.Domain.Funding;
using Crowdsource.Domain.Judging;
using Crowdsource.Domain.Licensing;
using Crowdsource.Domain.Moderation;
using Crowdsource.Domain.Notifications;
using Crowdsource.Domain.Offers;
using Crowdsource.Domain.Payouts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Crowdsource.Application.Common;

/// <summary>
/// The database as use cases see it: the sets they query and one <see cref="SaveChangesAsync"/> per use case.
/// No repositories on top: EF Core's DbSet already is one.
/// </summary>
public interface ICrowdsourceDb
{
    DbSet<CrowdsourceUser> Users { get; }

    DbSet<IdentityRole> Roles { get; }

    DbSet<IdentityUserRole<string>> UserRoles { get; }

    DbSet<OutgoingEmail> OutgoingEmails { get; }

    DbSet<UserSession> UserSessions { get; }

    DbSet<Brand> Brands { get; }

    DbSet<BrandInvitation> BrandInvitations { get; }

    DbSet<Challenge> Challenges { get; }

    DbSet<LicenceVersion> LicenceVersions { get; }

    DbSet<AuditEvent> AuditEvents { get; }

    DbSet<StoredFile> StoredFiles { get; }

    DbSet<Upload> Uploads { get; }

    DbSet<ChallengeQuestion> ChallengeQuestions { get; }

    DbSet<ChallengeFollower> ChallengeFollowers { get; }

    DbSet<Entry> Entries { get; }

    DbSet<LicenceAcceptance> LicenceAcceptances { get; }

    DbSet<EntryRating> EntryRatings { get; }

    DbSet<Report> Reports { get; }

    DbSet<ChallengeJudge> ChallengeJudges { get; }

    DbSet<Scorecard> Scorecards { get; }

    DbSet<Award> Awards { get; }

    DbSet<RunnerUpReward> RunnerUpRewards { get; }

    DbSet<LicenceGrant> LicenceGrants { get; }

    DbSet<PrizeTransfer> PrizeTransfers { get; }

    DbSet<LedgerEntry> LedgerEntries { get; }

    DbSet<EntryOffer> EntryOffers { get; }

    DbSet<Vote> Votes { get; }

    DbSet<Notification> Notifications { get; }

    DbSet<NotificationPreference> NotificationPreferences { get; }

    DbSet<SavedSearch> SavedSearches { get; }

    DbSet<PayoutDetails> PayoutDetails { get; }

    DatabaseFacade Database { get; }

    ChangeTracker ChangeTracker { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
