using Crowdsource.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Crowdsource.Infrastructure.Persistence.Configurations;

/// <summary>The platform roles exist from the first migration on, with fixed ids so migrations stay stable.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    private static readonly Dictionary<string, string> RoleIds = new(StringComparer.Ordinal)
    {
        [Roles.Creative] = "0197a000-0000-7000-8000-000000000001",
        [Roles.BrandMember] = "0197a000-0000-7000-8000-000000000002",
        [Roles.Moderator] = "0197a000-0000-7000-8000-000000000003",
        [Roles.Admin] = "0197a000-0000-7000-8000-000000000004",
    };

    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(Roles.All.Select(role => new IdentityRole(role)
        {
            Id = RoleIds[role],
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = RoleIds[role],
        }));
}
