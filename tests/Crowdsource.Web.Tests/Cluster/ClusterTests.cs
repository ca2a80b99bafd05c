using System.Net;
using Crowdsource.TestSupport;
using Crowdsource.Web.Tests.Support;
using MimeKit;

namespace Crowdsource.Web.Tests.Cluster;

/// <summary>
/// Issue 12, several machines: two instances behind nginx (scripts/local-cluster.sh), over real HTTP. Whichever
/// instance answers, a session and a form work; a file stored through one is served by the other; the challenge clock
/// and the e-mail outbox, running on both, act once.
/// </summary>
public sealed class ClusterTests(LocalCluster cluster) : IClassFixture<LocalCluster>
{
    private static readonly TestAccount Brand = new("brand@crowdsource.local", "demo passphrase for bruno");

    [Fact]
    public async Task Logging_in_through_the_proxy_works_when_the_form_and_the_post_reach_different_instances()
    {
        var upstreams = new List<string>();
        using var client = LocalCluster.Client(cluster.ProxyUrl, new CookieContainer(), upstreams);

        // nginx takes turns (one worker, round robin): the login form comes from one instance, the post goes to the other,
        // which must accept the antiforgery token and issue a cookie that both read.
        await Forms.SignInAsync(client, Brand);
        var form = upstreams[^2];
        var post = upstreams[^1];
        var first = await client.GetAsync(new Uri("Account/Manage", UriKind.Relative));
        var second = await client.GetAsync(new Uri("Account/Manage", UriKind.Relative));

        Assert.NotEqual(form, post);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(cluster.Instances.Select(instance => instance.Upstream).Order(StringComparer.Ordinal),
            upstreams.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        Assert.Equal(upstreams[^2..].Order(StringComparer.Ordinal), cluster.Instances.Select(instance => instance.Upstream).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_file_uploaded_to_one_instance_downloads_whole_from_the_other()
    {
        var cookies = new CookieContainer();
        using var first = LocalCluster.Client(cluster.Instances[0].Url, cookies);
        using var second = LocalCluster.Client(cluster.Instances[1].Url, cookies);
        await Forms.SignInAsync(first, Brand);
        var draft = await cluster.ScalarAsync<Guid>("""SELECT "Id" FROM "Challenges" WHERE "Title" = 'Summer flavour vote'""");
        var filesPage = $"/Challenges/Edit/{draft}/files";
        var pdf = TestFiles.Pdf($"Cluster guidelines {Guid.NewGuid():N}");

        var added = await Forms.UploadAsync(first, filesPage, filesPage + "?handler=Add", new Dictionary<string, string>(),
            ("Input.File", "Cluster guidelines.pdf", pdf, "application/pdf"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        // The second instance lists it, and serves it, to the session the first one opened.
        var link = (await Forms.ParseAsync(await second.GetAsync(new Uri(filesPage, UriKind.Relative))))
            .QuerySelector("a[href*='/files/']")?.GetAttribute("href");
        Assert.NotNull(link);
        var download = await second.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task The_clock_opens_and_closes_a_challenge_once_and_each_email_leaves_once_though_both_instances_run_them()
    {
        var upcoming = await cluster.ScalarAsync<Guid>("""
            UPDATE "Challenges" SET "SubmissionOpensAt" = now() - interval '1 second'
            WHERE "Title" = 'Illustrate our spring campaign' AND "Status" = 'Scheduled' RETURNING "Id"
            """);
        var open = await cluster.ScalarAsync<Guid>("""
            UPDATE "Challenges" SET "SubmissionDeadline" = now() - interval '1 second'
            WHERE "Title" = 'Reinvent our chocolate bar''s wrapper' AND "Status" = 'Open' RETURNING "Id"
            """);
        // Account e-mails queued through the proxy, so by both instances: one password reset per demo account.
        string[] people = ["admin@crowdsource.local", "moderator@crowdsource.local", "brand@crowdsource.local", "creative@crowdsource.local", "camille@crowdsource.local"];
        using (var client = LocalCluster.Client(cluster.ProxyUrl, new CookieContainer()))
        {
            foreach (var email in people)
            {
                var asked = await Forms.SubmitAsync(client, "/Account/ForgotPassword", new Dictionary<string, string> { ["Input.Email"] = email });
                Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            }
        }

        // The creative follows the wrapper challenge: she hears that judging began, once the clock closed it. When her
        // e-mail and the resets are out, both transitions are long committed (the outbox sends after the clock's transaction).
        var emails = await WaitForEmailsAsync(emails =>
            people.All(person => emails.Any(email => IsTo(email, person) && Body(email).Contains("/Account/ResetPassword", StringComparison.OrdinalIgnoreCase)))
            && emails.Any(email => IsTo(email, "creative@crowdsource.local") && (email.Subject ?? string.Empty).Contains("wrapper", StringComparison.OrdinalIgnoreCase)));

        Assert.Equal(1L, await AuditedAsync(upcoming, "challenge.opened"));
        Assert.Equal(1L, await AuditedAsync(open, "challenge.judging-started"));
        Assert.Equal("Open", await cluster.ScalarAsync<string>("""SELECT "Status" FROM "Challenges" WHERE "Id" = @id""", ("id", upcoming)));
        Assert.Equal("Judging", await cluster.ScalarAsync<string>("""SELECT "Status" FROM "Challenges" WHERE "Id" = @id""", ("id", open)));
        var sentTwice = emails.GroupBy(email => email.MessageId, StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key);
        Assert.Empty(sentTwice);
        Assert.DoesNotContain(emails, email => string.IsNullOrEmpty(email.MessageId));
    }

    private Task<long> AuditedAsync(Guid challenge, string action) =>
        cluster.ScalarAsync<long>("""SELECT count(*) FROM "AuditEvents" WHERE "SubjectId" = @id AND "Action" = @action""",
            ("id", challenge), ("action", action));

    private static string Body(MimeMessage email) => (email.TextBody ?? string.Empty) + (email.HtmlBody ?? string.Empty);

    private static bool IsTo(MimeMessage email, string address) =>
        email.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every e-mail both instances wrote, once <paramref name="complete"/> holds (checked at each new file; at most 60 s).</summary>
    private async Task<List<MimeMessage>> WaitForEmailsAsync(Func<List<MimeMessage>, bool> complete)
    {
        var emails = new List<MimeMessage>();
        try
        {
            await DirectoryWaits.UntilAsync([.. cluster.Instances.Select(instance => instance.PickupDirectory)], async () =>
            {
                emails = [];
                foreach (var file in cluster.SentEmails())
                {
                    emails.Add(await MimeMessage.LoadAsync(file));
                }

                return complete(emails);
            }, TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            Assert.Fail($"The expected e-mails did not all leave within 60 s; {emails.Count} did: {string.Join(", ", emails.Select(email => $"{email.To} '{email.Subject}'"))}");
        }

        return emails;
    }
}
