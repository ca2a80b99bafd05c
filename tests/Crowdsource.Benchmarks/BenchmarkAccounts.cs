using Crowdsource.Application.Administration;
using Crowdsource.Domain.Accounts;

namespace Crowdsource.Benchmarks;

/// <summary>
/// The accounts the benchmark signs in with, created through ASP.NET Core Identity (real password hashes). Their
/// passwords are public: benchmark databases only.
/// </summary>
public static class BenchmarkAccounts
{
    /// <summary>A creative with 500 entries and 5,000 notifications (at the full volume).</summary>
    public static readonly EnsureAccount.Command Creative =
        new("creative@bench.example", "Bea Bench", "bench passphrase for bea", [Roles.Creative]);

    /// <summary>The template for every generated creative (each copy gets this account's password hash).</summary>
    public static readonly EnsureAccount.Command Crowd =
        new("crowd@bench.example", "Carl Crowd", "bench passphrase for carl", [Roles.Creative]);

    /// <summary>Owner of the brand with 5,000 challenges.</summary>
    public static readonly EnsureAccount.Command Brand =
        new("brand@bench.example", "Bruce Brand", "bench passphrase for bruce", [Roles.BrandMember]);

    /// <summary>Moderator: the screening queue and the judging panel.</summary>
    public static readonly EnsureAccount.Command Moderator =
        new("moderator@bench.example", "Mona Moderator", "bench passphrase for mona", [Roles.Moderator]);

    public static readonly EnsureAccount.Command Admin =
        new("admin@bench.example", "Abe Admin", "bench passphrase for abe", [Roles.Admin, Roles.Moderator]);

    public static IReadOnlyList<EnsureAccount.Command> All { get; } = [Creative, Crowd, Brand, Moderator, Admin];

}
