using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common;
using Crowdsource.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Crowdsource.Infrastructure.Persistence;

/// <summary>One database for Identity, the domain, the outbox and the Data Protection keys.</summary>
public sealed class CrowdsourceDbContext(DbContextOptions<CrowdsourceDbContext> options)
    : IdentityDbContext<CrowdsourceUser>(options), ICrowdsourceDb, IDataProtectionKeyContext
{
    public DbSet<OutgoingEmail> OutgoingEmails => Set<OutgoingEmail>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CrowdsourceDbContext).Assembly);
    }
}
