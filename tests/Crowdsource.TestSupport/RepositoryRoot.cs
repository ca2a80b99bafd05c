namespace Crowdsource.TestSupport;

/// <summary>The folder that holds Crowdsource.sln, found upwards from the test binaries.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Crowdsource.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Crowdsource.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Path => Root.Value;
}
