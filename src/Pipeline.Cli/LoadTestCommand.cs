using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Intake;
using Pipeline.Model.Results;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary>
/// <c>pipeline loadtest</c>: a bounded load run of the local pipeline. Feeds N distinct reports made from the
/// samples through the intake service with bounded concurrency, times the bare check on the same inputs,
/// then checks from the store that there is one record per report and one outbox email per failed or
/// unreadable one (exit 1 if not).
/// </summary>
public sealed class LoadTestCommand(TextWriter stdout, TextWriter stderr)
{
    private static readonly string[] Kinds = [".txt", ".html", ".htm", ".docx", ".pdf"];

    public async Task<int> RunAsync(string samples, int count, int concurrency, string? work, bool json, CancellationToken cancellationToken)
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
        var catalogue = RuleCatalogue.Default();
        var options = new LocalOptions(Path.Combine(work, "pipeline.db"), Path.Combine(work, "outbox"), null, "annual-reports@localhost", LocalPipeline.DefaultFallback, new Uri("http://localhost:8080"));

        // The bare check on the same inputs, same concurrency: what the pipeline adds is the overhead.
        var checker = ReaderSet.CreateChecker(catalogue);
        foreach (var path in sources)
        {
            using var warm = File.OpenRead(path);
            checker.Check(Path.GetFileName(path), warm, cancellationToken);
        }

        var (checkLatencies, checkWall) = await TimeAllAsync(inputs, concurrency, input =>
        {
            using var stream = new MemoryStream(input.Bytes, writable: false);
            checker.Check(input.Name, stream, cancellationToken);
            return Task.CompletedTask;
        }, cancellationToken);

        using var pipeline = await LocalPipeline.CreateAsync(options, catalogue);
        var (latencies, wall) = await TimeAllAsync(inputs, concurrency, async input =>
        {
            using var stream = new MemoryStream(input.Bytes, writable: false);
            await pipeline.Intake.TakeInAsync(new IntakeRequest(input.Office, input.Name, input.Path, null, stream), cancellationToken);
        }, cancellationToken);

        var problems = await VerifyAsync(pipeline.Store, pipeline.Intake.RulesVersion, inputs, options, cancellationToken);
        var stored = await pipeline.Store.ListReportsAsync(new ReportQuery(), cancellationToken);
        var failing = stored.Count(r => r.Verdict is Verdict.Failed or Verdict.Unreadable);
        var emails = Directory.Exists(options.Outbox) ? Directory.EnumerateFiles(options.Outbox, "*.eml").Count() : 0;

        var figures = new
        {
            reports = count,
            concurrency,
            samples = sources.Count,
            reportsPerSecond = Math.Round(count / wall.TotalSeconds, 1),
            p50Ms = Math.Round(Percentile.Of(latencies, 0.50), 1),
            p95Ms = Math.Round(Percentile.Of(latencies, 0.95), 1),
            meanMs = Math.Round(latencies.Average(), 1),
            checkMeanMs = Math.Round(checkLatencies.Average(), 1),
            checkReportsPerSecond = Math.Round(count / checkWall.TotalSeconds, 1),
            overhead = Math.Round((latencies.Average() - checkLatencies.Average()) / checkLatencies.Average(), 3),
            records = stored.Count,
            failedOrUnreadable = failing,
            emails,
            verdicts = stored.GroupBy(r => r.Verdict).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count()),
            work,
            problems,
        };

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(figures, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        else
        {
            stdout.WriteLine($"负载测试：{count} 份报告（由 {sources.Count} 个样例生成），并发 {concurrency}，工作文件夹 {work}");
            stdout.WriteLine($"  流水线：每秒 {figures.reportsPerSecond} 份，延迟 p50 {figures.p50Ms} ms，p95 {figures.p95Ms} ms，平均 {figures.meanMs} ms");
            stdout.WriteLine($"  仅检查（不存储）：平均 {figures.checkMeanMs} ms，每秒 {figures.checkReportsPerSecond} 份");
            stdout.WriteLine($"  额外开销：(流水线 − 检查) / 检查 = {figures.overhead:P1}");
            stdout.WriteLine($"  记录 {stored.Count} 条，未通过或无法读取 {failing} 份，邮件 {emails} 封");
            foreach (var problem in problems)
            {
                stderr.WriteLine($"  不一致：{problem}");
            }

            stdout.WriteLine(problems.Count == 0 ? "  核对通过：每份报告一条记录，每份未通过或无法读取的报告一封邮件。" : $"  核对失败：{problems.Count} 处不一致。");
        }

        return problems.Count == 0 ? ExitCodes.Passed : ExitCodes.Findings;
    }

    /// <summary>One record per report, one outbox email per failed or unreadable report, and no other email.</summary>
    private static async Task<List<string>> VerifyAsync(SqliteStore store, string rulesVersion, IReadOnlyList<Input> inputs, LocalOptions options, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var expectedEmails = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var records = await store.ListReportsAsync(new ReportQuery(input.Office), cancellationToken);
            if (records.Count != 1)
            {
                problems.Add($"{input.Office}/{input.Name}：应有 1 条记录，实有 {records.Count} 条");
                continue;
            }

            if (records[0].Verdict is Verdict.Failed or Verdict.Unreadable)
            {
                // Offices are not in the registry, so each notice goes to the one fallback address.
                expectedEmails.Add(new NoticeKey(input.Office, records[0].Id, rulesVersion).DeliveryId(options.Fallback) + ".eml");
            }
        }

        var actual = Directory.Exists(options.Outbox)
            ? Directory.EnumerateFiles(options.Outbox, "*.eml").Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal)
            : [];
        problems.AddRange(expectedEmails.Except(actual!).Select(f => $"缺少邮件 {f}"));
        problems.AddRange(actual.Except(expectedEmails).Select(f => $"多出邮件 {f}"));
        return problems;
    }

    private static async Task<(List<double> Latencies, TimeSpan Wall)> TimeAllAsync(IReadOnlyList<Input> inputs, int concurrency, Func<Input, Task> run, CancellationToken cancellationToken)
    {
        var latencies = new double[inputs.Count];
        var wall = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            await run(inputs[i]);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        });
        return ([.. latencies], wall.Elapsed);
    }

    /// <summary>
    /// Report number <paramref name="n"/>: its own office (body-NNN) and bytes made distinct by a harmless addition
    /// the readers ignore (trailing spaces, an HTML or PDF comment, an extra part in the docx package), so its sha256 differs.
    /// The copy is written to the work folder's drop tree, as an original would be.
    /// </summary>
    private static Input Distinct(string source, int n, string work)
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
        return new Input(office, name, path, varied);
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

    private sealed record Input(string Office, string Name, string Path, byte[] Bytes);
}
