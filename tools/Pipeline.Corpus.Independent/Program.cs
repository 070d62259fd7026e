using System.Globalization;
using Pipeline.Corpus.Independent;

// independent generate --seed S --count N --out DIR [--scans] [--faults dpi150,bilevel,…]
// independent bench DIR [--pipeline ./pipeline] [--wrong]
var arguments = args.ToList();
string? Option(string name) => arguments.IndexOf(name) is var i and >= 0 && i + 1 < arguments.Count ? arguments[i + 1] : null;
switch (arguments.FirstOrDefault())
{
    case "generate":
        var seed = int.Parse(Option("--seed") ?? "1", CultureInfo.InvariantCulture);
        var count = int.Parse(Option("--count") ?? "8", CultureInfo.InvariantCulture);
        var folder = Option("--out") ?? throw new ArgumentException("--out DIR is required");
        var faults = Option("--faults")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Naming faults implies scanning them.
        CorpusSet.Generate(seed, count, folder, arguments.Contains("--scans") || faults is not null, faults, name => Console.Error.WriteLine(name));
        return 0;
    case "bench" when arguments.Count > 1:
        var scores = Bench.Run(arguments[1], Option("--pipeline") ?? "./pipeline");
        Console.WriteLine(Bench.Report(scores, arguments.Contains("--wrong")));
        return scores.Count == 0 ? 2 : 0;
    default:
        Console.Error.WriteLine("usage: independent generate --seed S --count N --out DIR [--scans] [--faults F,G] | independent bench DIR [--pipeline PATH] [--wrong]");
        return 2;
}
