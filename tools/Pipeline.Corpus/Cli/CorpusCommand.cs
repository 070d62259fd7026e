using System.Globalization;
using Pipeline.Corpus.Pdf;

namespace Pipeline.Corpus.Cli;

/// <summary>
/// corpus samples [--out DIR]
/// corpus generate --seed N --count K --out DIR
/// corpus pdfs --seed N --count K --out DIR [--kinds text,scan,degraded,docx]
/// corpus fixtures [--out DIR]
/// </summary>
public static class CorpusCommand
{
    private const string Usage = """
        usage:
          corpus samples [--out DIR]                    write the project's sample reports (default DIR: samples)
          corpus generate --seed N --count K --out DIR  write K reports from seeds N, N+1, … with their mutated variants
          corpus pdfs --seed N --count K --out DIR [--kinds text,scan,degraded,docx]
                                                        the same reports as text PDFs, clean and degraded scans and .docx
          corpus fixtures [--out DIR]                   write the committed PDF fixtures (default DIR: tests/fixtures/pdf)
        """;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        if (!TryOptions(args.Skip(1).ToArray(), out var options, out var problem))
        {
            error.WriteLine(problem);
            error.WriteLine(Usage);
            return 2;
        }

        switch (args[0])
        {
            case "samples":
                {
                    var writer = new CorpusWriter(options.GetValueOrDefault("out", "samples"));
                    foreach (var sample in SampleSet.All())
                    {
                        writer.Write(sample.BaseName, sample.Truth, sample.Formats);
                    }

                    writer.WriteIndex();
                    output.WriteLine($"wrote {writer.FileCount} files");
                    return 0;
                }

            case "generate":
                {
                    if (!Number(options, "seed", out var seed, error) || !Number(options, "count", out var count, error))
                    {
                        return 2;
                    }

                    if (!options.TryGetValue("out", out var root) || count < 1)
                    {
                        error.WriteLine("generate needs --out DIR and a --count of at least 1");
                        return 2;
                    }

                    var writer = new CorpusWriter(root);
                    var reports = GeneratedCorpus.Write(writer, seed, count);
                    writer.WriteIndex();
                    output.WriteLine($"wrote {reports} reports, {writer.FileCount} files");
                    return 0;
                }

            case "pdfs":
                {
                    if (!Number(options, "seed", out var seed, error) || !Number(options, "count", out var count, error))
                    {
                        return 2;
                    }

                    if (!options.TryGetValue("out", out var root) || count < 1)
                    {
                        error.WriteLine("pdfs needs --out DIR and a --count of at least 1");
                        return 2;
                    }

                    if (!TryKinds(options.GetValueOrDefault("kinds", "text,scan,degraded,docx"), out var kinds, out var docx))
                    {
                        error.WriteLine("--kinds takes a comma-separated list of text, scan, degraded, docx");
                        return 2;
                    }

                    var writer = new CorpusWriter(root);
                    var reports = PdfCorpus.Write(writer, seed, count, kinds, docx, error);
                    writer.WriteIndex();
                    output.WriteLine($"wrote {reports} reports, {writer.FileCount} files");
                    return 0;
                }

            case "fixtures":
                {
                    var writer = new CorpusWriter(options.GetValueOrDefault("out", FixtureSet.DefaultFolder));
                    FixtureSet.Write(writer, error);
                    writer.WriteIndex();
                    output.WriteLine($"wrote {writer.FileCount} files");
                    return 0;
                }

            default:
                error.WriteLine($"unknown command \"{args[0]}\"");
                error.WriteLine(Usage);
                return 2;
        }
    }

    private static bool TryOptions(string[] args, out Dictionary<string, string> options, out string problem)
    {
        options = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = string.Empty;
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                problem = $"expected --name value, found \"{args[i]}\"";
                return false;
            }

            options[args[i][2..]] = args[++i];
        }

        return true;
    }

    private static bool TryKinds(string text, out List<PdfKind> kinds, out bool docx)
    {
        kinds = [];
        docx = false;
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name)
            {
                case "text": kinds.Add(PdfKind.Text); break;
                case "scan": kinds.Add(PdfKind.Scan); break;
                case "degraded": kinds.Add(PdfKind.Degraded); break;
                case "docx": docx = true; break;
                default: return false;
            }
        }

        kinds = [.. kinds.Distinct()];
        return kinds.Count > 0 || docx;
    }

    private static bool Number(Dictionary<string, string> options, string name, out int value, TextWriter error)
    {
        if (options.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        error.WriteLine($"--{name} needs a whole number");
        value = 0;
        return false;
    }
}
