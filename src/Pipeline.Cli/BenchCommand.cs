using System.Diagnostics;
using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Mapping;
using Pipeline.Model.Reports;
using Pipeline.Model.Results;
using Pipeline.Ocr;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;
using Pipeline.Rules;
using Pipeline.Rules.Catalogue;
using Spectre.Console;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline bench CORPUS_DIR</c>: reads every report that has a truth file beside it
/// (NAME.truth.json) and prints, per kind of input, how many cells and whole tables were read
/// right, how many verdicts were right, the false failures, and the speed; scans also through
/// the naive full-page OCR baseline.
/// </summary>
public sealed class BenchCommand(TextWriter stdout, TextWriter stderr)
{
    /// <param name="baseline">Whether scans are also read by the full-page OCR baseline.</param>
    /// <param name="listWrong">Whether every cell read wrong is listed, file by file, with the confidence it was read with.</param>
    /// <param name="json">Whether the figures are printed as JSON, one object per kind and method, instead of a table.</param>
    public int Run(string folder, bool baseline = true, bool listWrong = false, bool json = false)
    {
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"找不到文件夹：{folder}");
            return ExitCodes.Unusable;
        }

        var cases = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && File.Exists(TruthOf(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (cases.Count == 0)
        {
            stderr.WriteLine("文件夹中没有带真值文件（NAME.truth.json）的报告。");
            return ExitCodes.Unusable;
        }

        using var ocr = new EnginePool();
        var kind = RecognizerChoice.FromEnvironment();
        var recognizer = RecognizerChoice.Create(kind, ocr).Name;
        var ours = ReaderSet.CreateChecker(ocr: ocr);
        AnnualReport? mapped = null;
        ours.Mapped += (_, report) => mapped = report;
        var fullPage = new ReportChecker(
            [new PdfReader(PdfLimits.Default, new FullPageOcrReader(ocr)), .. ReaderSet.Default().Skip(1)],
            new ReportMapper(),
            new ReportValidator(RuleCatalogue.Default()),
            CheckLimits.Default);

        var rows = new List<Score>();
        foreach (var file in cases)
        {
            var truth = JsonDocument.Parse(File.ReadAllText(TruthOf(file))).RootElement;
            mapped = null;
            var pages = PageCount(file);
            var score = Measure(ours, file, truth, "本流水线", recognizer, pages);
            score = score with { Text = RunningText.Compare(truth, mapped) };
            rows.Add(score);
            if (listWrong)
            {
                foreach (var cell in score.Wrong)
                {
                    stdout.WriteLine($"{Path.GetFileName(file)}\t{cell}");
                }

                stdout.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{Path.GetFileName(file)}\t正文字符错误 {score.Text.Errors}/{score.Text.Characters}，正文置信度 {score.Text.Confidence:0.000}"));
            }

            if (baseline && score.Kind.StartsWith("扫描", StringComparison.Ordinal))
            {
                rows.Add(Measure(fullPage, file, truth, "整页OCR基线", "tesseract", pages));
            }
        }

        var peakMemoryMb = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(Figures(rows, peakMemoryMb), JsonOptions));
            return ExitCodes.Passed;
        }

        var table = new Table().Border(TableBorder.Rounded);
        // The labels stay whole, so that a row is found by its kind; the figures' headings wrap instead.
        foreach (var column in new[] { "类型", "方法" })
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        foreach (var column in new[] { "报告", "单元格正确", "表格全对", "结论正确", "误判未通过", "错读却自信", "页/秒", "页/处理器秒" })
        {
            table.AddColumn(column);
        }

        foreach (var group in rows.GroupBy(r => (r.Kind, r.Method)).OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Method, StringComparer.Ordinal))
        {
            var cells = group.Sum(r => r.CellsRight);
            var total = group.Sum(r => r.Cells);
            table.AddRow(
                group.Key.Kind,
                group.Key.Method,
                group.Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{cells}/{total} ({100.0 * cells / Math.Max(1, total):0.00}%)",
                $"{group.Sum(r => r.TablesRight)}/{group.Sum(r => r.Tables)}",
                $"{group.Count(r => r.VerdictRight)}/{group.Count()}",
                group.Count(r => r.FalseFailure).ToString(System.Globalization.CultureInfo.InvariantCulture),
                group.Sum(r => r.SureButWrong).ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{group.Sum(r => r.Pages) / Math.Max(0.001, group.Sum(r => r.Seconds)):0.00}",
                $"{group.Sum(r => r.Pages) / Math.Max(0.001, group.Sum(r => r.ProcessorSeconds)):0.00}");
        }

        // Ten columns of figures: at 120 columns "6029/6029 (100.00%)" would wrap.
        var console = Consoles.For(stdout, width: 160);
        console.Write(table);
        console.MarkupLine(Markup.Escape($"峰值内存：{peakMemoryMb} MB；处理器核数：{Environment.ProcessorCount}"));
        return ExitCodes.Passed;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>
    /// One object per kind and method, for scripts. The process reads every method, so peakMemoryMb is the
    /// process's peak over the whole run, the same in every object.
    /// </summary>
    private static List<BenchFigures> Figures(List<Score> rows, long peakMemoryMb) =>
        [.. rows.GroupBy(r => (r.Kind, r.Method)).OrderBy(g => g.Key.Kind, StringComparer.Ordinal).ThenBy(g => g.Key.Method, StringComparer.Ordinal)
            .Select(g =>
            {
                var seconds = g.Sum(r => r.Seconds);
                return new BenchFigures(
                    KindId(g.Key.Kind), g.Key.Method == "本流水线" ? "ours" : "baseline", g.First().Recognizer, g.Count(), g.Sum(r => r.Pages),
                    Math.Round(seconds, 2), Math.Round(g.Sum(r => r.Pages) / Math.Max(0.001, seconds), 3),
                    g.Sum(r => r.Cells), g.Sum(r => r.CellsRight), g.Sum(r => r.Tables), g.Sum(r => r.TablesRight),
                    g.Count(), g.Count(r => r.VerdictRight), g.Count(r => r.FalseFailure), g.Count(r => r.MissedError), g.Sum(r => r.SureButWrong), peakMemoryMb,
                    g.Sum(r => r.Text.Characters), g.Sum(r => r.Text.Errors), Math.Round((double)g.Sum(r => r.Text.Errors) / Math.Max(1, g.Sum(r => r.Text.Characters)), 4),
                    Math.Round(g.Sum(r => r.ProcessorSeconds), 2), Math.Round(g.Sum(r => r.Pages) / Math.Max(0.001, g.Sum(r => r.ProcessorSeconds)), 3), StepSeconds.Sum(g.Select(r => r.Steps)));
            })];

    private static string KindId(string kind) => kind switch
    {
        "文字版PDF" => "pdf-text",
        "扫描件（清晰）" => "scan-clean",
        "扫描件（降质）" => "scan-degraded",
        "无法读取" => "unreadable",
        _ => "docx-html-text",
    };

    private static string TruthOf(string file) => Path.ChangeExtension(file, null) + ".truth.json";

    /// <summary>
    /// The document's own pages, for pages a second: a PDF's from pdfinfo, whatever page its last table stands on
    /// (the last cell's page undercounted a 4-page scan whose tables end on page 3); one for other kinds and for a
    /// PDF that cannot be read at all.
    /// </summary>
    private static int PageCount(string file)
    {
        if (!file.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        try
        {
            using var session = new PdfSession(File.ReadAllBytes(file), PdfLimits.Default, CancellationToken.None);
            return session.Info().Pages;
        }
        catch (UnreadableException)
        {
            return 1;
        }
    }

    private static Score Measure(ReportChecker checker, string file, JsonElement truth, string method, string recognizer, int pages)
    {
        // Files are read one at a time, so the process's processor time over one is that file's, whatever
        // else the machine is running; the steps' times are summed over the threads that read it.
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        var steps = StepTimes.Snapshot();
        var clock = Stopwatch.StartNew();
        CheckResult result;
        using (var stream = File.OpenRead(file))
        {
            result = checker.Check(Path.GetFileName(file), stream);
        }

        var seconds = clock.Elapsed.TotalSeconds;
        var processorSeconds = (Process.GetCurrentProcess().TotalProcessorTime - processor).TotalSeconds;
        var after = StepTimes.Snapshot();
        var spent = new StepSeconds(
            after[ReadingStep.Imaging] - steps[ReadingStep.Imaging],
            after[ReadingStep.Detection] - steps[ReadingStep.Detection],
            after[ReadingStep.Recognition] - steps[ReadingStep.Recognition],
            after[ReadingStep.Tesseract] - steps[ReadingStep.Tesseract]);
        var kind = KindOf(truth) ?? result.Source.Kind switch
        {
            "pdf-text" => "文字版PDF",
            "pdf-scan" => file.Contains("degraded", StringComparison.Ordinal) ? "扫描件（降质）" : "扫描件（清晰）",
            null => "无法读取",
            _ => "DOCX/HTML/文本",
        };
        var comparison = TruthComparison.Of(result, truth);
        var expected = truth.GetProperty("expectedVerdict").GetString();
        var verdict = JsonSerializer.Serialize(result.Verdict).Trim('"');
        var wrong = comparison.WrongCells.Select(w => $"{w}, 置信度 {ConfidenceOf(result, w):0.00}").ToList();
        if (verdict != expected)
        {
            wrong.Add($"结论 {verdict}，应为 {expected}");
        }

        return new Score(kind, method, recognizer, comparison.Cells, comparison.CellsRight, comparison.Tables, comparison.TablesRight, verdict == expected,
            expected == "passed" && result.Verdict == Verdict.Failed, expected == "failed" && result.Verdict == Verdict.Passed, SureButWrong(result, comparison), pages, seconds, wrong)
        {
            ProcessorSeconds = processorSeconds,
            Steps = spent,
        };
    }

    /// <summary>
    /// The kind the corpus generator recorded (truth.rendering.kind), which names a scan's
    /// degradation even when the file name does not; null for files without one.
    /// </summary>
    private static string? KindOf(JsonElement truth) =>
        truth.TryGetProperty("rendering", out var rendering) && rendering.ValueKind == JsonValueKind.Object
            && rendering.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.String
            ? kind.GetString() switch
            {
                "pdf-text" => "文字版PDF",
                "scan-clean" => "扫描件（清晰）",
                "scan-degraded" => "扫描件（降质）",
                _ => null,
            }
            : null;

    /// <summary>The rules' confidence threshold, read once rather than with every wrong cell.</summary>
    private static readonly double Threshold = RuleCatalogue.Default().Settings.ConfidenceThreshold;

    private static int SureButWrong(CheckResult result, TruthComparison comparison) =>
        comparison.WrongCells.Count(wrong => ConfidenceOf(result, wrong) >= Threshold);

    /// <summary>The confidence a wrong cell ("address: read …") was read with; 0 for a cell not read at all.</summary>
    private static double ConfidenceOf(CheckResult result, string wrong) =>
        result.Cells.GetValueOrDefault(wrong[..wrong.IndexOf(':', StringComparison.Ordinal)])?.Confidence ?? 0;

    /// <param name="SureButWrong">Cells read wrong with a confidence at or above the rules' threshold: the misreads that could fail a report.</param>
    /// <param name="Wrong">Each cell read wrong: address, what was read, the truth and the confidence.</param>
    /// <param name="MissedError">A report that should fail called passed (one sent to review is not missed: a person sees it).</param>
    /// <param name="Text">The running text compared with the truth's; none for the baseline, whose report is not kept.</param>
    private sealed record Score(string Kind, string Method, string Recognizer, int Cells, int CellsRight, int Tables, int TablesRight, bool VerdictRight, bool FalseFailure, bool MissedError, int SureButWrong, int Pages, double Seconds, IReadOnlyList<string> Wrong)
    {
        public RunningText Text { get; init; } = RunningText.None;

        /// <summary>The process's processor time over the file: the reading's cost independent of the machine's load.</summary>
        public double ProcessorSeconds { get; init; }

        public StepSeconds Steps { get; init; } = new(0, 0, 0, 0);
    }

    /// <summary>Seconds in each step of reading (<see cref="ReadingStep"/>), summed over threads.</summary>
    private sealed record StepSeconds(double Imaging, double Detection, double Recognition, double Tesseract)
    {
        public static StepSeconds Sum(IEnumerable<StepSeconds> all)
        {
            var list = all.ToList();
            return new StepSeconds(
                Math.Round(list.Sum(s => s.Imaging), 2),
                Math.Round(list.Sum(s => s.Detection), 2),
                Math.Round(list.Sum(s => s.Recognition), 2),
                Math.Round(list.Sum(s => s.Tesseract), 2));
        }
    }

    /// <summary>The figures of one kind and method, as <c>bench --json</c> prints them.</summary>
    private sealed record BenchFigures(
        string Kind, string Method, string Recognizer, int Reports, int Pages, double Seconds, double PagesPerSecond,
        int Cells, int CellsRight, int Tables, int TablesRight, int Verdicts, int VerdictsRight,
        int FalseFailures, int MissedErrors, int SureButWrong, long PeakMemoryMb,
        int TextCharacters, int TextErrors, double TextCer,
        double ProcessorSeconds, double PagesPerProcessorSecond, StepSeconds StepSeconds);
}
