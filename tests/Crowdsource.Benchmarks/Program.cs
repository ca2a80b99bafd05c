using System.Globalization;

namespace Crowdsource.Benchmarks;

// The benchmark's data tool (see bench.sh):
//   load  CONNECTION [CHALLENGES]   migrate, make the template rows, multiply them (100000 challenges by default)
//   pages CONNECTION                the benchmark's pages: name, path, account e-mail (or -), kind, list (tab-separated)
//   accounts                        the accounts to sign in with: e-mail, password (tab-separated)
internal static class BenchmarkTool
{
    public static async Task<int> Main(string[] args)
    {
        switch (args)
        {
            case ["load", var connection, ..]:
                var challenges = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100_000;
                await BenchmarkLoader.LoadAsync(connection, BenchmarkVolume.For(challenges), Console.Error);
                return 0;
            case ["pages", var connection]:
                foreach (var page in await BenchmarkPages.ResolveAsync(connection))
                {
                    Console.WriteLine(string.Join('\t', page.Name, page.Path, page.Account ?? "-",
                        page.Kind == PageKind.Anonymous ? "anonymous" : "signed-in", page.IsList ? "list" : "page"));
                }

                return 0;
            case ["accounts"]:
                foreach (var account in BenchmarkAccounts.All)
                {
                    Console.WriteLine($"{account.Email}\t{account.Password}");
                }

                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: Crowdsource.Benchmarks load CONNECTION [CHALLENGES] | pages CONNECTION | accounts");
                return 2;
        }
    }
}
