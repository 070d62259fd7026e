namespace Pipeline.Cli;

/// <summary>Expands the paths on the command line into the files to check, in a stable order.</summary>
public static class InputFiles
{
    /// <summary>JSON beside the reports holds results or truths, never a report.</summary>
    private static readonly string[] NotReports = [".json"];

    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing, int Skipped) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        var skipped = 0;
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(file);
                    if (name.StartsWith('.') || NotReports.Contains(Path.GetExtension(name).ToLowerInvariant()))
                    {
                        skipped++;
                        continue;
                    }

                    files.Add(file);
                }
            }
            else
            {
                missing.Add(path);
            }
        }

        return (files, missing, skipped);
    }
}
