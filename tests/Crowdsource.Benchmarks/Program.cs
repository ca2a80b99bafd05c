using System.Globalization;
using Crowdsource.Benchmarks;

// The benchmark's data tool (see bench.sh):
//   load  --connection CS [--challenges N]   migrate, make the template rows, multiply them (N = 100000 by default)
//   pages --connection CS                    print the benchmark's pages: name, path, account e-mail (or -), kind
if (args.Length < 3 || args[1] != "--connection")
{
    await Console.Error.WriteLineAsync("usage: Crowdsource.Benchmarks load|pages --connection CS [--challenges N]");
    return 2;
}

var connection = args[2];
switch (args[0])
{
    case "load":
        var challenges = args.Length >= 5 && args[3] == "--challenges" ? int.Parse(args[4], CultureInfo.InvariantCulture) : 100_000;
        await BenchmarkLoader.LoadAsync(connection, BenchmarkVolume.For(challenges), Console.Error);
        return 0;
    case "pages":
        foreach (var page in await BenchmarkPages.ResolveAsync(connection))
        {
            Console.WriteLine(string.Join('\t', page.Name, page.Path, page.Account ?? "-", page.Kind.ToString().ToLowerInvariant()));
        }

        return 0;
    default:
        await Console.Error.WriteLineAsync($"unknown command {args[0]}");
        return 2;
}
