using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
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
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Infrastructure.Persistence;

/// <summary>One database for Identity, the domain, the outbox and the Data Protection keys.</summary>
public sealed class CrowdsourceDbContext(DbContextOptions<CrowdsourceDbContext> options)
    : IdentityDbContext<CrowdsourceUser>(options), ICrowdsourceDb, IDataProtectionKeyContext
{
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Brand> Brands => Set<Brand>();

    public DbSet<BrandInvitation> BrandInvitations => Set<BrandInvitation>();

    public DbSet<Challenge> Challenges => Set<Challenge>();

    public DbSet<LicenceVersion> LicenceVersions => Set<LicenceVersion>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<Upload> Uploads => Set<Upload>();

    public DbSet<ChallengeQuestion> ChallengeQuestions => Set<ChallengeQuestion>();

    public DbSet<ChallengeFollower> ChallengeFollowers => Set<ChallengeFollower>();

    public DbSet<Entry> Entries => Set<Entry>();

    public DbSet<LicenceAcceptance> LicenceAcceptances => Set<LicenceAcceptance>();

    public DbSet<EntryRating> EntryRatings => Set<EntryRating>();

    public DbSet<Report> Reports => Set<Report>();

    public DbSet<ChallengeJudge> ChallengeJudges => Set<ChallengeJudge>();

    public DbSet<Scorecard> Scorecards => Set<Scorecard>();

    public DbSet<Award> Awards => Set<Award>();

    public DbSet<RunnerUpReward> RunnerUpRewards => Set<RunnerUpReward>();

    public DbSet<PrizeTransfer> PrizeTransfers => Set<PrizeTransfer>();

    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();

    public DbSet<EntryOffer> EntryOffers => Set<EntryOffer>();

    public DbSet<LicenceGrant> LicenceGrants => Set<LicenceGrant>();

    public DbSet<Vote> Votes => Set<Vote>();

    public DbSet<Notification> Notifications => Set<Notification>();

    public DbSet<NotificationPreference> NotificationPreferences => Set<NotificationPreference>();

    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();

    public DbSet<PayoutDetails> PayoutDetails => Set<PayoutDetails>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrowdsourceDbContext).Assembly);
    }
}
