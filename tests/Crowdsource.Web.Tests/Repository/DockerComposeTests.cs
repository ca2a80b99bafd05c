using Crowdsource.TestSupport;
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

    [Fact]
    public void The_web_app_waits_for_a_healthy_database_and_connects_with_its_credentials()
    {
        var web = Service("web");
        var dependsOn = (YamlMappingNode)((YamlMappingNode)web["depends_on"])["postgres"];
        Assert.Equal("service_healthy", ((YamlScalarNode)dependsOn["condition"]).Value);

        var database = Environment("postgres");
        var connection = new NpgsqlConnectionStringBuilder(Environment("web")["ConnectionStrings__Crowdsource"]);
        Assert.Equal("postgres", connection.Host);
        Assert.Equal(database["POSTGRES_DB"], connection.Database);
        Assert.Equal(database["POSTGRES_USER"], connection.Username);
        Assert.Equal(database["POSTGRES_PASSWORD"], connection.Password);
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
            Assert.NotNull(typeof(Crowdsource.Web.Hosting.CrowdsourceOptions).GetProperty(key.Split("__")[1])));
    }
}
