using System.Globalization;

namespace Pipeline.Corpus.Cli;

/// <summary>
/// corpus samples [--out DIR]
/// corpus generate --seed N --count K --out DIR
/// </summary>
public static class CorpusCommand
{
    private const string Usage = """
        usage:
          corpus samples [--out DIR]                    write the project's sample reports (default DIR: samples)
          corpus generate --seed N --count K --out DIR  write K reports from seeds N, N+1, … with their mutated variants
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
