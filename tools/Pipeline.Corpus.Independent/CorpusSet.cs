namespace Pipeline.Corpus.Independent;

/// <summary>
/// A set of reports from one seed: each report gets a print style, a format by its year, and either nothing
/// wrong or one injected error (each in-report rule in turn); it is written as HTML and as a Word document,
/// printed to a text-layer PDF, and, when asked, scanned with one fault (each fault in turn). Same seed, same files (but Chromium's
/// date stamp).
/// </summary>
public static class CorpusSet
{
    /// <param name="faults">The scan faults made, each in turn; all of them when null.</param>
    public static void Generate(int seed, int count, string folder, bool scans, IReadOnlyList<string>? faults, Action<string> progress)
    {
        faults ??= ScanFault.All;
        if (faults.Count == 0 || faults.Any(f => !ScanFault.IsKnown(f)))
        {
            throw new ArgumentException($"unknown fault in {string.Join(',', faults)}; the faults are {string.Join(',', ScanFault.All)}");
        }

        Directory.CreateDirectory(folder);
        for (var n = 0; n < count; n++)
        {
            var reportSeed = (seed * 1000) + n;
            var random = new Random(reportSeed);
            var style = PrintStyle.Pick(random);
            var draft = DraftFactory.Make(reportSeed, style.Dense);

            // Every other report carries one injected error, the rules in turn.
            var rule = n % 2 == 1 ? Injection.Rules[(n / 2) % Injection.Rules.Length].Rule : null;
            if (rule is not null)
            {
                Injection.BeforeText(draft, rule);
            }

            DraftFactory.Write(draft, random);
            if (rule is not null)
            {
                Injection.AfterText(draft, rule);
            }

            var name = $"r{reportSeed}-{draft.Format}-{rule?.ToLowerInvariant() ?? "clean"}";
            var html = HtmlPage.Render(draft, style);
            File.WriteAllText(Path.Combine(folder, name + ".html"), html);
            File.WriteAllText(Path.Combine(folder, name + ".truth.json"), TruthFile.Write(draft, "html", "none", style));

            // Its own random stream, so that adding Word files left every other file of a seed as it was.
            File.WriteAllBytes(Path.Combine(folder, name + "-word.docx"), DocxPage.Render(draft, style, new Random(reportSeed ^ 0x5EED)));
            File.WriteAllText(Path.Combine(folder, name + "-word.truth.json"), TruthFile.Write(draft, "docx", "none", style));

            var scratch = Directory.CreateTempSubdirectory("independent-corpus-").FullName;
            try
            {
                var pdf = Path.Combine(folder, name + "-text.pdf");
                Tools.PrintToPdf(html, pdf, scratch);
                File.WriteAllText(Path.Combine(folder, name + "-text.truth.json"), TruthFile.Write(draft, "pdf-text", "none", style));
                if (scans)
                {
                    var fault = ScanFault.Of(faults[n % faults.Count]);
                    var scan = Path.Combine(folder, $"{name}-scan-{fault.Name}.pdf");
                    fault.Scan(pdf, scan, scratch, reportSeed);
                    var kind = fault.Name == "clean" ? "scan-clean" : "scan-degraded";
                    File.WriteAllText(Path.Combine(folder, $"{name}-scan-{fault.Name}.truth.json"), TruthFile.Write(draft, kind, fault.Name, style));
                }
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }

            progress(name);
        }
    }
}
