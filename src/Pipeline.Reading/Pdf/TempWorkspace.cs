using System.Text.RegularExpressions;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// A private temporary folder for one document, removed with everything in it when disposed. A process killed
/// outright (out of memory, a host shut down) cannot dispose its folders; the first workspace a process makes
/// removes the ones left behind, recognised by name and by not having been touched for longer than any
/// document may take.
/// </summary>
public sealed partial class TempWorkspace : IDisposable
{
    private const string Prefix = "pipeline-";

    /// <summary>Far beyond any document's time limit: a folder this old belongs to no document still being read.</summary>
    public static readonly TimeSpan Abandoned = TimeSpan.FromHours(6);

    private static readonly Lazy<int> Swept = new(() => RemoveAbandoned(System.IO.Path.GetTempPath(), DateTime.UtcNow));

    public TempWorkspace()
    {
        _ = Swept.Value;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing left to remove.
        }
    }

    /// <summary>Removes the workspaces under <paramref name="folder"/> untouched for <see cref="Abandoned"/> before <paramref name="now"/>; how many.</summary>
    public static int RemoveAbandoned(string folder, DateTime now)
    {
        var removed = 0;
        foreach (var workspace in Directory.EnumerateDirectories(folder, Prefix + "*"))
        {
            try
            {
                if (WorkspaceName().IsMatch(System.IO.Path.GetFileName(workspace)) && now - Directory.GetLastWriteTimeUtc(workspace) > Abandoned)
                {
                    Directory.Delete(workspace, recursive: true);
                    removed++;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another process's, or already gone: left as it is.
            }
        }

        return removed;
    }

    [GeneratedRegex("^pipeline-[0-9a-f]{32}$")]
    private static partial Regex WorkspaceName();
}
