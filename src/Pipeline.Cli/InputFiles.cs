namespace Pipeline.Cli;

/// <summary>
/// Expands the paths on the command line into the files to check, in a stable order. Folders are searched
/// recursively, but a link to a folder inside them is not followed (a link to its own parent would loop
/// forever). Every other entry is a file to check, including links, pipes and devices, so that each is
/// answered with a result saying what it is rather than silently dropped.
/// </summary>
public static class InputFiles
{
    /// <summary>JSON beside the reports holds results or truths, never a report.</summary>
    private static readonly string[] NotReports = [".json"];

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing, int Skipped) Expand(IEnumerable<string> paths) =>
        Expand(paths, out _);

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing, int Skipped) Expand(IEnumerable<string> paths, out int folderLinks)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var skipped = 0;
        folderLinks = 0;
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                var folders = new Stack<string>([path]);
                while (folders.TryPop(out var folder))
                {
                    IEnumerable<string> entries;
                    try
                    {
                        entries = Directory.EnumerateFileSystemEntries(folder).ToList();
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        // An unreadable folder is named as a file that cannot be opened.
                        found.Add(folder);
                        continue;
                    }

                    foreach (var entry in entries)
                    {
                        var isLink = new FileInfo(entry).LinkTarget is not null;
                        if (isLink && Directory.Exists(entry))
                        {
                            folderLinks++;
                        }
                        else if (!isLink && Directory.Exists(entry))
                        {
                            folders.Push(entry);
                        }
                        else if (Path.GetFileName(entry) is var name && (name.StartsWith('.') || NotReports.Contains(Path.GetExtension(name).ToLowerInvariant())))
                        {
                            skipped++;
                        }
                        else
                        {
                            found.Add(entry);
                        }
                    }
                }

                files.AddRange(found.Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path) || new FileInfo(path).LinkTarget is not null)
            {
                // A link named on the command line is checked even when it leads nowhere: its result says so.
                files.Add(path);
            }
            else
            {
                missing.Add(path);
            }
        }

        return (files, missing, skipped);
    }
}
