using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Checking;
using Pipeline.Intake;
using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Cli.LoadTest;

/// <summary>
/// <c>pipeline loadtest</c>: a bounded load run. Feeds N distinct reports made from the samples through the intake
/// service with bounded concurrency: the local pipeline (SQLite, outbox), or with <see cref="LoadServices"/> the
/// Azure flow against the local services (Cosmos DB, blob, queue, SMTP). Times the bare check on the same inputs,
/// and the same intake without the rules across reports, then checks from the store and the mail that there is one
/// record per report and one email per failed or unreadable one (exit 1 if not).
/// </summary>
public sealed class LoadTestCommand(TextWriter stdout, TextWriter stderr)
{
    private static readonly string[] Kinds = [".txt", ".html", ".htm", ".docx", ".pdf"];

    public async Task<int> RunAsync(string samples, int count, int concurrency, int block, string? work, string? rulesPath, bool json, CancellationToken cancellationToken, LoadServices? services = null)
    {
        if (count < 1 || concurrency < 1)
        {
            stderr.WriteLine("--reports 和 --concurrency 必须是正整数。");
            return ExitCodes.Unusable;
        }

        var sources = Directory.Exists(samples)
            ? Directory.EnumerateFiles(samples).Where(f => Kinds.Contains(Path.GetExtension(f).ToLowerInvariant())).Order(StringComparer.Ordinal).ToList()
            : [];
        if (sources.Count == 0)
        {
            stderr.WriteLine($"样例文件夹 {samples} 中没有 txt、html、docx 或 pdf 报告。");
            return ExitCodes.Unusable;
        }

        work ??= Path.Combine(Path.GetDirectoryName(LocalPipeline.DefaultDb)!, $"loadtest-{DateTime.UtcNow:yyyyMMddHHmmss}");
        if (Directory.Exists(work) && Directory.EnumerateFileSystemEntries(work).Any())
        {
            stderr.WriteLine($"工作文件夹 {work} 不是空的；负载测试需要一个新的文件夹，才能准确核对记录和邮件数。");
            return ExitCodes.Unusable;
        }

        var inputs = Enumerable.Range(0, count).Select(i => Distinct(sources[i % sources.Count], i, work)).ToList();
        if (RulesFile.Load(rulesPath, stderr) is not { } catalogue)
        {
            return ExitCodes.Unusable;
        }

        // Both sides warmed on the samples first (the pipeline into a store of its own), so neither pays for JIT.
        // With an OCR pool of its own, as the pipeline's checker has: without one, scans would not be read at all.
        using var ocr = new Ocr.EnginePool();
        var checker = ReaderSet.CreateChecker(catalogue, ocr: ocr);
        await using (var warm = await LocalLoadSide.CreateAsync(LoadOptions(work, "warm-up-"), catalogue))
        {
            foreach (var path in sources)
            {
                var bytes = File.ReadAllBytes(path);
                checker.Check(Path.GetFileName(path), new MemoryStream(bytes, writable: false), cancellationToken);
                await warm.TakeInAsync(new LoadInput("warm-up", Path.GetFileName(path), path, bytes), cancellationToken);
            }
        }

        // A third side runs the same intake without the rules across reports, in a store of its own: the pipeline's own
        // cost (store, attempts, notices, email) is that side over the bare check; the rules across reports, the rest.
        var run = $"lt{DateTime.UtcNow:yyyyMMddHHmmss}";
        if (services is not null)
        {
            await ServicesLoadSide.DropAsync(services, inputs, cancellationToken);
        }

        await using var full = services is null
            ? await LocalLoadSide.CreateAsync(LoadOptions(work, ""), catalogue)
            : (ILoadSide)await ServicesLoadSide.CreateAsync(services, run + "-full", catalogue, acrossReports: true, cancellationToken);
        await using var plainSide = services is null
            ? await LocalLoadSide.CreateAsync(LoadOptions(work, "plain-") with { AcrossReports = false }, catalogue)
            : (ILoadSide)await ServicesLoadSide.CreateAsync(services, run + "-plain", catalogue, acrossReports: false, cancellationToken);
        using var steps = new StepTimings { Recording = false };
        var bare = new Phase();
        var piped = new Phase();
        var plain = new Phase();

        // Block by block, rotating which side goes first, so the load other work puts on the machine falls
        // on all alike; CPU time is counted as well as latency, for it does not depend on that load.
        var size = block > 0 ? block : Math.Max(16, concurrency * 4);
        var blocks = inputs.Chunk(size).ToList();
        for (var b = 0; b < blocks.Count; b++)
        {
            var runBare = () => bare.RunAsync(blocks[b], concurrency, input =>
            {
                using var stream = new MemoryStream(input.Bytes, writable: false);
                checker.Check(input.Name, stream, cancellationToken);
                return Task.CompletedTask;
            }, null, cancellationToken);
            var runPiped = async () =>
            {
                steps.Recording = true;
                await piped.RunAsync(blocks[b], concurrency, input => full.TakeInAsync(input, cancellationToken), full.SettleAsync, cancellationToken);
                steps.Recording = false;
            };
            var runPlain = () => plain.RunAsync(blocks[b], concurrency, input => plainSide.TakeInAsync(input, cancellationToken), plainSide.SettleAsync, cancellationToken);
            var order = new[] { runBare, runPiped, runPlain };
            for (var r = 0; r < order.Length; r++)
            {
                await order[(b + r) % order.Length]();
            }
        }

        var tally = await full.VerifyAsync(inputs, cancellationToken);
        var plainTally = await plainSide.VerifyAsync(inputs, cancellationToken);
        var problems = tally.Problems.Concat(plainTally.Problems.Select(p => "（不含跨报告规则）" + p)).ToList();
        var spans = steps.Snapshot();
        double StepMean(string name) => spans.TryGetValue(name, out var s) ? s.TotalMs / count : 0;

        var pipedFigures = piped.Figures(count);
        var total = piped.OverheadOver(bare);
        var figures = new
        {
            reports = count,
            target = services is null ? "local" : "services",
            // With the services: the run's name, from which each side's database, queue and fallback address are made ({run}-full, {run}-plain).
            run = services is null ? null : run,
            concurrency,
            samples = sources.Count,
            blocks = blocks.Count,
            reportsPerSecond = pipedFigures.ReportsPerSecond,
            p50Ms = pipedFigures.P50Ms,
            p95Ms = pipedFigures.P95Ms,
            meanMs = pipedFigures.MeanMs,
            cpuMsPerReport = pipedFigures.CpuMsPerReport,
            check = bare.Figures(count),
            withoutRulesAcrossReports = plain.Figures(count),
            overhead = new
            {
                // (pipeline − check) / check, by mean latency, by CPU time, and by wall time of the whole run.
                latency = total.Latency,
                cpu = total.Cpu,
                wall = total.Wall,
                // Within the pipeline's own runs: its time outside the check step, over the check step.
                steps = Math.Round((StepMean("intake") - StepMean("intake.check")) / StepMean("intake.check"), 3),
                // The pipeline's own share: the side without the rules across reports over the bare check.
                pipelineOnly = plain.OverheadOver(bare),
                // What the rules across reports add, in CPU milliseconds per report and over the bare check.
                rulesAcrossReportsCpuMs = Math.Round((piped.Cpu - plain.Cpu).TotalMilliseconds / count, 1),
                rulesAcrossReportsCpu = Math.Round((piped.Cpu - plain.Cpu) / bare.Cpu, 3),
            },
            // Mean milliseconds per report spent in each step (spans nest: "intake" holds the others).
            steps = spans.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => Math.Round(s.Value.TotalMs / count, 2)),
            records = tally.Records,
            failedOrUnreadable = tally.FailedOrUnreadable,
            emails = tally.Emails,
            verdicts = tally.Verdicts,
            work,
            problems,
        };

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        else
        {
            var where = services is null ? "本地报告库和发件箱" : "本地服务（Cosmos DB、Blob、队列、SMTP）";
            stdout.WriteLine($"负载测试：{count} 份报告（由 {sources.Count} 个样例生成），经{where}，并发 {concurrency}，分 {blocks.Count} 批交替运行，工作文件夹 {work}");
            stdout.WriteLine($"  流水线：每秒 {figures.reportsPerSecond} 份，延迟 p50 {figures.p50Ms} ms，p95 {figures.p95Ms} ms，平均 {figures.meanMs} ms，CPU 每份 {figures.cpuMsPerReport} ms");
            stdout.WriteLine($"  仅检查（不存储）：每秒 {figures.check.ReportsPerSecond} 份，延迟 p50 {figures.check.P50Ms} ms，p95 {figures.check.P95Ms} ms，平均 {figures.check.MeanMs} ms，CPU 每份 {figures.check.CpuMsPerReport} ms");
            stdout.WriteLine($"  流水线（不含跨报告规则）：每秒 {figures.withoutRulesAcrossReports.ReportsPerSecond} 份，延迟 p50 {figures.withoutRulesAcrossReports.P50Ms} ms，p95 {figures.withoutRulesAcrossReports.P95Ms} ms，平均 {figures.withoutRulesAcrossReports.MeanMs} ms，CPU 每份 {figures.withoutRulesAcrossReports.CpuMsPerReport} ms");
            stdout.WriteLine($"  额外开销 (流水线 − 检查) / 检查：按平均延迟 {figures.overhead.latency:P1}，按 CPU 时间 {figures.overhead.cpu:P1}，按总耗时 {figures.overhead.wall:P1}，按流水线内各步骤 {figures.overhead.steps:P1}");
            stdout.WriteLine($"  其中流水线本身（存储、尝试记录、通知、邮件）：按平均延迟 {figures.overhead.pipelineOnly.Latency:P1}，按 CPU 时间 {figures.overhead.pipelineOnly.Cpu:P1}，按总耗时 {figures.overhead.pipelineOnly.Wall:P1}；跨报告规则每份 CPU {figures.overhead.rulesAcrossReportsCpuMs} ms（检查的 {figures.overhead.rulesAcrossReportsCpu:P1}）");
            stdout.WriteLine("  各步骤每份平均（毫秒）：" + string.Join("，", figures.steps.Select(s => $"{s.Key} {s.Value}")));
            stdout.WriteLine($"  记录 {tally.Records} 条，未通过或无法读取 {tally.FailedOrUnreadable} 份，邮件 {tally.Emails} 封");
            foreach (var problem in problems)
            {
                stderr.WriteLine($"  不一致：{problem}");
            }

            stdout.WriteLine(problems.Count == 0 ? "  核对通过：每份报告一条记录，每份未通过或无法读取的报告一封邮件。" : $"  核对失败：{problems.Count} 处不一致。");
        }

        return problems.Count == 0 ? ExitCodes.Passed : ExitCodes.Findings;
    }

    private static LocalOptions LoadOptions(string work, string prefix) =>
        new(Path.Combine(work, prefix + "pipeline.db"), Path.Combine(work, prefix + "outbox"), null, "annual-reports@localhost", LocalPipeline.DefaultFallback, new Uri("http://localhost:8080"));

    /// <summary>
    /// Report number <paramref name="n"/>: its own office (body-NNN) and bytes made distinct by a harmless addition
    /// the readers ignore (trailing spaces, an HTML or PDF comment, an extra part in the docx package), so its sha256 differs.
    /// The copy is written to the work folder's drop tree, as an original would be.
    /// </summary>
    private static LoadInput Distinct(string source, int n, string work)
    {
        var bytes = File.ReadAllBytes(source);
        var extension = Path.GetExtension(source).ToLowerInvariant();
        var varied = extension switch
        {
            ".txt" => [.. bytes, .. Encoding.UTF8.GetBytes("\n" + new string(' ', n + 1) + "\n")],
            ".html" or ".htm" => [.. bytes, .. Encoding.UTF8.GetBytes($"\n<!-- loadtest {n} -->\n")],
            ".pdf" => [.. bytes, .. Encoding.ASCII.GetBytes($"\n%loadtest {n}\n")],
            ".docx" => WithPart(bytes, n),
            _ => bytes,
        };
        var office = $"body-{n:D3}";
        var name = Path.GetFileName(source);
        var path = Path.Combine(work, "drop", office, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, varied);
        return new LoadInput(office, name, path, varied);
    }

    private static byte[] WithPart(byte[] docx, int n)
    {
        using var copy = new MemoryStream();
        copy.Write(docx);
        using (var zip = new ZipArchive(copy, ZipArchiveMode.Update, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("customXml/loadtest.txt").Open());
            writer.Write($"loadtest {n}");
        }

        return copy.ToArray();
    }

    /// <summary>One side of the run (bare check or pipeline): its latencies, wall time and CPU time, summed over its blocks.</summary>
    private sealed class Phase
    {
        private readonly List<double> _latencies = [];

        public TimeSpan Wall { get; private set; }

        public TimeSpan Cpu { get; private set; }

        public double Mean => _latencies.Average();

        /// <param name="settle">Work after the block that belongs to this side (sending the queued notices); timed with it.</param>
        public async Task RunAsync(IReadOnlyList<LoadInput> inputs, int concurrency, Func<LoadInput, Task> run, Func<CancellationToken, Task>? settle, CancellationToken cancellationToken)
        {
            var latencies = new double[inputs.Count];
            var cpu = CpuClock.Now();
            var wall = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, _) =>
            {
                var started = Stopwatch.GetTimestamp();
                await run(inputs[i]);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            });
            if (settle is not null)
            {
                await settle(cancellationToken);
            }

            Wall += wall.Elapsed;
            Cpu += CpuClock.Now() - cpu;
            _latencies.AddRange(latencies);
        }

        public double Percentile(double p) => Cli.Percentile.Of(_latencies, p);

        public PhaseFigures Figures(int count) => new(
            Math.Round(count / Wall.TotalSeconds, 1), Math.Round(Percentile(0.50), 1), Math.Round(Percentile(0.95), 1), Math.Round(Mean, 1), Math.Round(Cpu.TotalMilliseconds / count, 1));

        /// <summary>(this − baseline) / baseline, by mean latency, by CPU time and by wall time.</summary>
        public Overhead OverheadOver(Phase baseline) => new(
            Math.Round((Mean - baseline.Mean) / baseline.Mean, 3), Math.Round((Cpu - baseline.Cpu) / baseline.Cpu, 3), Math.Round((Wall - baseline.Wall) / baseline.Wall, 3));
    }

    private sealed record PhaseFigures(
        [property: JsonPropertyName("reportsPerSecond")] double ReportsPerSecond,
        [property: JsonPropertyName("p50Ms")] double P50Ms,
        [property: JsonPropertyName("p95Ms")] double P95Ms,
        [property: JsonPropertyName("meanMs")] double MeanMs,
        [property: JsonPropertyName("cpuMsPerReport")] double CpuMsPerReport);

    private sealed record Overhead(
        [property: JsonPropertyName("latency")] double Latency,
        [property: JsonPropertyName("cpu")] double Cpu,
        [property: JsonPropertyName("wall")] double Wall);
}
