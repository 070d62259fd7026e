using System.Globalization;
using Pipeline.Corpus.Mutations;
using Pipeline.Corpus.Pdf;
using Pipeline.Corpus.Rendering;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Cli;

/// <summary>
/// A benchmark corpus of PDFs: each report as a text PDF, a clean scan and a degraded scan (and a
/// .docx), in a print style chosen by its seed, plus a third of the mutations, a different third
/// for each report, each in one kind rotating with the report, so that three consecutive reports
/// between them carry every rule.
/// </summary>
public static class PdfCorpus
{
    /// <summary>Shares of the mutations: report r takes the mutations i with i % Shares == r % Shares.</summary>
    private const int Shares = 3;

    public static int Write(CorpusWriter writer, int firstSeed, int count, IReadOnlyList<PdfKind> kinds, bool docx, TextWriter progress)
    {
        var reports = 0;
        foreach (var truth in GeneratedCorpus.Reports(firstSeed, count))
        {
            var name = truth.Seed.ToString(CultureInfo.InvariantCulture);
            var style = PrintStyle.For(truth.Seed);
            progress.WriteLine($"{name}: {truth.Agency}, style {style.Name}");
            if (kinds.Count > 0)
            {
                Write(writer, $"{name}-passing", truth, style, kinds, truth.Seed);
            }
            if (docx)
            {
                writer.Write($"{name}-passing", truth, [RenderFormat.Docx]);
            }

            // Variants rotate through the kinds and .docx, so every rule meets every kind across the corpus.
            var variantKinds = docx ? kinds.Count + 1 : kinds.Count;
            for (var i = 0; i < MutationCatalogue.All.Count; i++)
            {
                var mutation = MutationCatalogue.All[i];
                if (i % Shares != reports % Shares || !mutation.AppliesTo(truth))
                {
                    continue;
                }

                var variant = mutation.Apply(truth, VariantSeeds.For(truth.Seed, i));
                var slot = (reports + (i / Shares)) % variantKinds;
                if (slot == kinds.Count)
                {
                    writer.Write($"{name}-{mutation.Slug}", variant, [RenderFormat.Docx]);
                }
                else
                {
                    Write(writer, $"{name}-{mutation.Slug}", variant, style, [kinds[slot]], unchecked((truth.Seed * 31) + i));
                }
            }

            reports++;
        }

        return reports;
    }

    public static string Suffix(PdfKind kind) => kind switch
    {
        PdfKind.Text => "-text.pdf",
        PdfKind.Scan => "-scan.pdf",
        PdfKind.Degraded => "-degraded.pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static void Write(CorpusWriter writer, string baseName, ReportTruth truth, PrintStyle style, IReadOnlyList<PdfKind> kinds, int seed)
    {
        foreach (var pdf in PdfRenderer.Render(truth, style, kinds, PdfRenderer.Drawn(seed), seed))
        {
            writer.Write(baseName + Suffix(pdf.Kind), truth with { Rendering = pdf.Rendering }, pdf.Pdf);
        }
    }
}
