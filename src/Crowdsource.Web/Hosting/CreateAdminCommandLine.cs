using System.Text;
using Crowdsource.Application.Administration;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Domain.Accounts;
using Crowdsource.Infrastructure.Persistence;
using Mediator;

namespace Crowdsource.Web.Hosting;

/// <summary>
/// <c>dotnet run --project src/Crowdsource.Web -- create-admin --email you@example.com [--name "Your Name"]</c>.
/// The password comes from CROWDSOURCE_ADMIN_PASSWORD or is typed at a hidden prompt, never from the command line
/// (where other users of the machine could read it).
/// </summary>
internal static class CreateAdminCommandLine
{
    public const string Verb = "create-admin";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var email = ValueOf(args, "--email");
        var name = ValueOf(args, "--name") ?? "Administrator";
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("Usage: create-admin --email you@example.com [--name \"Your Name\"]");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable("CROWDSOURCE_ADMIN_PASSWORD") ?? ReadHiddenPassword();
        await DatabaseMigrator.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new EnsureAccount.Command(email, name, password, [Roles.Admin]));
            Console.WriteLine(outcome == EnsureAccount.Outcome.Created
                ? $"Admin account {email} created."
                : $"{email} already had an account: it now has the Admin role (its password is unchanged).");
            return 0;
        }
        catch (ValidationException invalid)
        {
            foreach (var message in invalid.Errors.SelectMany(error => error.Value))
            {
                await Console.Error.WriteLineAsync(message);
            }

            return 1;
        }
    }

    private static string? ValueOf(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    private static string ReadHiddenPassword()
    {
        Console.Write("Password for the admin account (at least 12 characters): ");
        if (Console.IsInputRedirected)
        {
            return Console.ReadLine() ?? string.Empty;
        }

        var password = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }

        Console.WriteLine();
        return password.ToString();
    }
}
