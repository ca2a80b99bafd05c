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
        return (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["services"];
    }

    private static YamlMappingNode Service(string name) => (YamlMappingNode)Services[name];

    private static Dictionary<string, string> Environment(string service) =>
        ((YamlMappingNode)Service(service)["environment"]).Children
            .ToDictionary(pair => ((YamlScalarNode)pair.Key).Value!, pair => ((YamlScalarNode)pair.Value).Value!, StringComparer.Ordinal);

    [Fact]
    public void Declares_a_database_and_the_web_app()
    {
        Assert.Equal(["postgres", "web"], Services.Children.Keys.Select(key => ((YamlScalarNode)key).Value!).Order(StringComparer.Ordinal));
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
