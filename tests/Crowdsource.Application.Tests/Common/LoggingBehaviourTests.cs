using Crowdsource.Application.Accounts;
using Crowdsource.Application.Common.Exceptions;
using Crowdsource.Application.Tests.Support;

namespace Crowdsource.Application.Tests.Common;

public sealed class LoggingBehaviourTests(ApplicationFixture fixture) : IClassFixture<ApplicationFixture>
{
    [Fact]
    public async Task Logs_the_request_name_and_duration_but_never_its_payload()
    {
        var email = Support.Accounts.NewEmail("private");
        const string password = "secret sauce never logged";

        await fixture.SendAsync(sender => sender.Send(new RegisterAccount.Command("Private Person", email, password, "en")));

        var line = Assert.Single(fixture.Logs.Lines, line => line.Contains("RegisterAccount.Command", StringComparison.Ordinal));
        Assert.Matches(@"Handled RegisterAccount\.Command in \d+(\.\d)? ms", line);
        Assert.DoesNotContain(fixture.Logs.Lines, logged => logged.Contains(password, StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Lines, logged => logged.Contains(email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(fixture.Logs.Lines, logged => logged.Contains("Private Person", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Logs_how_a_refused_request_ended()
    {
        await Assert.ThrowsAsync<ValidationException>(async () =>
            await fixture.SendAsync(sender => sender.Send(new RequestPasswordReset.Command("not an address"))));

        Assert.Contains(fixture.Logs.Lines, line => line.Contains("RequestPasswordReset.Command ended with ValidationException", StringComparison.Ordinal));
    }
}
