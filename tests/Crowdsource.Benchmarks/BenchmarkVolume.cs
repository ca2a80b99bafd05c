namespace Crowdsource.Benchmarks;

/// <summary>
/// How much data to load. The full volume (100,000 challenges) has 500 brands, 1,000,000 entries and 100,000 accounts;
/// smaller volumes scale every count down in proportion (with floors, so a tiny volume still has every kind of row),
/// except the special accounts' pages, which scale too but keep their shape.
/// </summary>
public sealed record BenchmarkVolume(
    int Challenges, int Brands, int Entries, int Accounts,
    int BrandWorkspaceChallenges, int CreativeEntries, int CreativeNotifications, int QueueEntries, int JudgingBoardEntries)
{
    public static BenchmarkVolume For(int challenges)
    {
        // Phases cycle every 100 challenges (see BenchmarkLoader): fewer would miss some.
        ArgumentOutOfRangeException.ThrowIfLessThan(challenges, 100);
        var scale = challenges / 100_000d;
        int Scaled(int full, int floor) => Math.Max(floor, (int)Math.Round(full * scale));
        return new BenchmarkVolume(
            Challenges: challenges,
            Brands: Scaled(500, 3),
            Entries: Scaled(1_000_000, 200),
            Accounts: Scaled(100_000, 60),
            BrandWorkspaceChallenges: Scaled(5_000, 5),
            CreativeEntries: Scaled(500, 5),
            CreativeNotifications: Scaled(5_000, 20),
            QueueEntries: Scaled(10_000, 10),
            JudgingBoardEntries: Scaled(2_000, 20));
    }
}
