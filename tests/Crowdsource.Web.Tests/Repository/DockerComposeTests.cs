using Crowdsource.TestSupport;
using System.Text.RegularExpressions;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace Crowdsource.Web.Tests.Repository;

/// <summary>
/// No Docker engine runs here, so docker-compose.yml is checked by reading it: its services, health check and
/// settings must match what the app reads.
/// </summary>
public sealed class DockerComposeTests
{
    private static readonly YamlMappingNode Services = LoadServices();

    private static YamlMappingNode LoadServices()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        yaml.Load(reader);
        return (YamlMappingNode)Merged(((YamlMappingNode)yaml.Documents[0].RootNode)["services"]);
    }

    /// <summary>
    /// A node as compose reads it: merge keys (<c>&lt;&lt;: *site</c>, the instances' shared parts) resolved, the keys
    /// written next to them winning. (YamlDotNet's MergingParser refuses such an override as a duplicate key.)
    /// </summary>
    private static YamlNode Merged(YamlNode node)
    {
        if (node is not YamlMappingNode mapping)
        {
            return node;
        }

        var result = new YamlMappingNode();
        if (mapping.Children.TryGetValue(new YamlScalarNode("<<"), out var shared))
        {
            foreach (var (key, value) in ((YamlMappingNode)Merged(shared)).Children)
            {
                result.Children[key] = value;
            }
        }

        foreach (var (key, value) in mapping.Children.Where(pair => ((YamlScalarNode)pair.Key).Value != "<<"))
        {
            result.Children[key] = Merged(value);
        }

        return result;
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children
            .ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!, StringComparer.Ordinal);

    [Fact]
    public void Declares_a_database_and_the_web_app_and_for_the_scaled_profile_a_second_instance_and_nginx()
    {
        Assert.Equal(["postgres", "proxy", "web", "web2"], Services.Children.Keys.Select(key => ((YamlScalarNode)key).Value!).Order(StringComparer.Ordinal));
        Assert.False(Service("postgres").Children.ContainsKey(new YamlScalarNode("profiles")));
        Assert.False(Service("web").Children.ContainsKey(new YamlScalarNode("profiles")));
        Assert.Equal(["scaled"], ((YamlSequenceNode)Service("web2")["profiles"]).Children.Select(node => ((YamlScalarNode)node).Value!));
        Assert.Equal(["scaled"], ((YamlSequenceNode)Service("proxy")["profiles"]).Children.Select(node => ((YamlScalarNode)node).Value!));
    }

    [Fact]
    public void The_second_instance_has_the_first_ones_settings_and_image_but_leaves_the_one_off_start_up_work_to_it()
    {
        var first = Environment("web");
        var second = Environment("web2");

        Assert.Equal(first.Keys.Order(StringComparer.Ordinal), second.Keys.Order(StringComparer.Ordinal));
        string[] oneOff = ["Crowdsource__SeedDemoData", "Crowdsource__Admin__Email", "Crowdsource__Admin__Password"];
        Assert.All(first.Keys.Except(oneOff), key => Assert.Equal(first[key], second[key]));
        Assert.Equal("false", second["Crowdsource__SeedDemoData"]);
        Assert.Equal(string.Empty, second["Crowdsource__Admin__Email"]);
        Assert.Equal(((YamlScalarNode)Service("web")["image"]).Value, ((YamlScalarNode)Service("web2")["image"]).Value);
        Assert.Equal(((YamlSequenceNode)Service("web")["secrets"]).Children, ((YamlSequenceNode)Service("web2")["secrets"]).Children);
        var waitsFor = (YamlMappingNode)Service("web2")["depends_on"];
        Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)waitsFor["web"])["condition"]).Value);
        Assert.False(Service("web2").Children.ContainsKey(new YamlScalarNode("ports"))); // reached through nginx only
    }

    [Fact]
    public void Both_instances_report_ready_from_the_readiness_endpoint_and_nginx_waits_for_them()
    {
        foreach (var web in (string[])["web", "web2"])
        {
            var test = string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)Service(web)["healthcheck"])["test"]).Children.Select(node => ((YamlScalarNode)node).Value));
            Assert.Contains("/health/ready", test, StringComparison.Ordinal);
            Assert.Contains($"/dev/tcp/127.0.0.1/{Environment(web)["ASPNETCORE_HTTP_PORTS"]}", test, StringComparison.Ordinal);
            Assert.Equal("service_healthy", ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)Service("proxy")["depends_on"])[web])["condition"]).Value);
        }
    }

    [Fact]
    public void Nginx_balances_between_both_instances_with_the_checked_in_configuration()
    {
        var mounts = ((YamlSequenceNode)Service("proxy")["volumes"]).Children.Select(node => ((YamlScalarNode)node).Value!).ToList();
        foreach (var mount in mounts)
        {
            Assert.True(File.Exists(Path.Combine(RepositoryRoot.Path, mount.Split(':')[0])), mount);
        }

        var site = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "nginx", "crowdsource.conf"));
        var proxying = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "nginx", "crowdsource-proxy.conf"));
        Assert.Contains(mounts, mount => mount.EndsWith(":/etc/nginx/conf.d/default.conf:ro", StringComparison.Ordinal));
        Assert.Contains(mounts, mount => site.Contains($"include {mount.Split(':')[1]};", StringComparison.Ordinal));
        foreach (var web in (string[])["web", "web2"])
        {
            Assert.Matches($@"server {web}:{Environment(web)["ASPNETCORE_HTTP_PORTS"]} max_fails=\d+ fail_timeout=\d+s;", site);
        }

        Assert.Contains("proxy_request_buffering off;", proxying, StringComparison.Ordinal);
        Assert.Contains("client_max_body_size 512m;", proxying, StringComparison.Ordinal);
        Assert.Contains("X-Forwarded-Proto", proxying, StringComparison.Ordinal);
    }

    [Fact]
    public void The_database_has_a_health_check_and_keeps_its_data_in_a_volume()
    {
        var postgres = Service("postgres");
        var test = string.Join(' ', ((YamlSequenceNode)((YamlMappingNode)postgres["healthcheck"])["test"]).Children.Select(node => ((YamlScalarNode)node).Value));
        Assert.Contains("pg_isready", test, StringComparison.Ordinal);

        var volume = ((YamlScalarNode)((YamlSequenceNode)postgres["volumes"]).Children.Single()).Value!;
        var name = volume.Split(':')[0];
        Assert.EndsWith(":/var/lib/postgresql/data", volume, StringComparison.Ordinal);
        var root = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));
        root.Load(reader);
        Assert.True(((YamlMappingNode)((YamlMappingNode)root.Documents[0].RootNode)["volumes"]).Children.ContainsKey(new YamlScalarNode(name)));
    }

    /// <summary>The variables of .env.example, filled in as an operator would (a value for each empty one).</summary>
    private static readonly Dictionary<string, string> Example = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".env.example"))
        .Where(line => line.Length > 0 && !line.StartsWith('#'))
        .Select(line => line.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => pair[1].Length > 0 ? pair[1] : $"value of {pair[0]}", StringComparer.Ordinal);

    /// <summary>Compose's ${NAME}, ${NAME:-default} and ${NAME:?message}.</summary>
    private static readonly Regex Variable = new(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<operator>:?[-?])(?<argument>[^}]*))?\}", RegexOptions.CultureInvariant);

    /// <summary>A value as compose gives it to the container, from <paramref name="variables"/>; null when compose would refuse to start.</summary>
    private static string? Interpolate(string value, Dictionary<string, string> variables)
    {
        var refused = false;
        var result = Variable.Replace(value, match =>
        {
            if (variables.TryGetValue(match.Groups["name"].Value, out var set) && set.Length > 0)
            {
                return set;
            }

            refused |= match.Groups["operator"].Value.EndsWith('?');
            return match.Groups["operator"].Value.EndsWith('-') ? match.Groups["argument"].Value : string.Empty;
        });
        return refused ? null : result;
    }

    private static string ComposeText => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docker-compose.yml"));

    [Fact]
    public void The_web_app_waits_for_a_healthy_database_and_connects_with_its_credentials()
    {
        var web = Service("web");
        var dependsOn = (YamlMappingNode)((YamlMappingNode)web["depends_on"])["postgres"];
        Assert.Equal("service_healthy", ((YamlScalarNode)dependsOn["condition"]).Value);

        var database = Environment("postgres");
        var connection = new NpgsqlConnectionStringBuilder(Interpolate(Environment("web")["ConnectionStrings__Crowdsource"], Example));
        Assert.Equal("postgres", connection.Host);
        Assert.Equal(database["POSTGRES_DB"], connection.Database);
        Assert.Equal(database["POSTGRES_USER"], connection.Username);
        Assert.Equal(Interpolate(database["POSTGRES_PASSWORD"], Example), connection.Password);
        Assert.Equal(Example["POSTGRES_PASSWORD"], connection.Password);
    }

    [Fact]
    public void The_site_runs_in_production_without_the_mailbox_or_demo_data_unless_asked_for()
    {
        var environment = Environment("web");

        Assert.Equal("Production", environment["ASPNETCORE_ENVIRONMENT"]);
        Assert.DoesNotContain("Crowdsource__DevelopmentMailbox", environment.Keys);
        Assert.Equal("false", Interpolate(environment["Crowdsource__SeedDemoData"], new Dictionary<string, string>()));
        Assert.Equal("false", Interpolate(environment["Crowdsource__SeedDemoData"], Example));
        Assert.Equal("true", Interpolate(environment["Crowdsource__SeedDemoData"], new Dictionary<string, string> { ["CROWDSOURCE_SEED_DEMO_DATA"] = "true" }));
        Assert.Contains("ENV ASPNETCORE_ENVIRONMENT=Production", File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dockerfile")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("postgres", "POSTGRES_PASSWORD")]
    [InlineData("web", "ConnectionStrings__Crowdsource")]
    [InlineData("web", "Crowdsource__PublicBaseUrl")]
    [InlineData("web", "AllowedHosts")]
    [InlineData("web", "DataProtection__CertificatePassword")]
    public void Secrets_and_the_public_address_come_from_the_environment_and_compose_refuses_to_start_without_them(string service, string setting)
    {
        var value = Environment(service)[setting];

        Assert.Matches(@"\$\{[A-Z_]+:\?[^}]+\}", value);
        Assert.Null(Interpolate(value, new Dictionary<string, string>()));
        Assert.NotNull(Interpolate(value, Example));
    }

    [Fact]
    public void The_keys_certificate_is_mounted_as_a_secret_where_the_site_reads_it()
    {
        var environment = Environment("web");
        var secret = ((YamlScalarNode)((YamlSequenceNode)Service("web")["secrets"]).Children.Single()).Value!;

        Assert.Equal($"/run/secrets/{secret}", environment["DataProtection__CertificatePath"]);
        var root = new YamlStream();
        using var reader = new StringReader(ComposeText);
        root.Load(reader);
        var file = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)((YamlMappingNode)root.Documents[0].RootNode)["secrets"])[secret])["file"]).Value!;
        Assert.Null(Interpolate(file, new Dictionary<string, string>()));
    }

    [Fact]
    public void The_env_example_lists_every_variable_the_compose_file_reads()
    {
        var read = Variable.Matches(ComposeText).Select(match => match.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(read);
        Assert.Empty(read.Except(Example.Keys, StringComparer.Ordinal));
        Assert.Empty(Example.Keys.Except(read, StringComparer.Ordinal));
    }

    [Fact]
    public void The_web_app_is_built_from_the_dockerfile_and_listens_where_it_is_published()
    {
        var web = Service("web");
        var build = (YamlMappingNode)web["build"];
        var dockerfile = Path.Combine(RepositoryRoot.Path, ((YamlScalarNode)build["context"]).Value!, ((YamlScalarNode)build["dockerfile"]).Value!);
        var recipe = File.ReadAllText(dockerfile);
        Assert.Contains("Crowdsource.Web.csproj", recipe, StringComparison.Ordinal);
        Assert.Contains("\"Crowdsource.Web.dll\"", recipe, StringComparison.Ordinal);

        var port = Environment("web")["ASPNETCORE_HTTP_PORTS"];
        var published = ((YamlScalarNode)((YamlSequenceNode)web["ports"]).Children.Single()).Value!;
        Assert.EndsWith($":{port}", published, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_it_passes_are_ones_the_app_reads()
    {
        var environment = Environment("web");

        Assert.Equal("true", environment["Crowdsource__ApplyMigrationsOnStartup"]);
        Assert.All(environment.Keys.Where(key => key.StartsWith("Crowdsource__", StringComparison.Ordinal)), key =>
            Assert.NotNull(PropertyPath(typeof(Crowdsource.Web.Hosting.CrowdsourceOptions), key.Split("__")[1..])));
        Assert.All(environment.Keys.Where(key => key.StartsWith("DataProtection__", StringComparison.Ordinal)), key =>
            Assert.NotNull(PropertyPath(typeof(Crowdsource.Web.Hosting.DataProtectionCertificate), key.Split("__")[1..])));
        Assert.All(environment.Keys.Where(key => key.StartsWith("Email__", StringComparison.Ordinal)), key =>
            Assert.NotNull(PropertyPath(typeof(Crowdsource.Infrastructure.Email.EmailOptions), key.Split("__")[1..])));
    }

    /// <summary>The property that a setting's path (Section__Key__Subkey) binds to, or null when the app reads no such setting.</summary>
    private static System.Reflection.PropertyInfo? PropertyPath(Type type, string[] path)
    {
        var property = type.GetProperty(path[0]);
        return property is null || path.Length == 1 ? property : PropertyPath(property.PropertyType, path[1..]);
    }
}
