namespace Pipeline.Tests;

/// <summary>Where the tests find the repository, its samples and the shared seeds.</summary>
public static class TestFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    });

    public static string RepositoryRoot => Root.Value;

    public static string Samples => Path.Combine(RepositoryRoot, "samples");

    public static string Seeds => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "seeds"));

    public static string Seed(string prefix) =>
        Directory.EnumerateFiles(Seeds, prefix + "_*.txt").Single();

    public static IEnumerable<string> AllSeeds => Directory.EnumerateFiles(Seeds, "*.txt").Order(StringComparer.Ordinal);

    /// <summary>A fresh folder under the system temp folder, removed by the caller.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "pipeline-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
