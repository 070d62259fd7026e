using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Azure.Cosmos;
using Pipeline.CrossReport;
using Pipeline.Model.Results;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Cli.CrossBench;

/// <summary>
/// <c>pipeline bench-cross</c>: stores and indexes generated reports (SQLite by default, Cosmos DB with --cosmos),
/// then times the X-rules of each report as if it had just arrived, and scores them against the generator's
/// known copies and broken cells. Figures only: timings on a shared machine are noisy.
/// </summary>
public sealed partial class CrossBenchCommand(TextWriter stdout, TextWriter stderr)
{
    public int Run(int reports, int bodies, string? cosmos, int? sample, bool json)
    {
        if (reports <= 0 || bodies <= 0 || bodies > reports)
        {
            stderr.WriteLine("用法错误：--reports 和 --bodies 应为正数，且单位数不多于报告数。");
            return ExitCodes.Unusable;
        }

        return RunAsync(reports, bodies, cosmos, sample, json).GetAwaiter().GetResult();
    }

    private async Task<int> RunAsync(int reports, int bodies, string? cosmos, int? sample, bool json)
    {
        var folder = Path.Combine(Path.GetTempPath(), "pipeline-bench-cross-" + Guid.NewGuid().ToString("n"));
        CosmosClient? client = null;
        try
        {
            IPipelineStore store;
            string storeName;
            if (cosmos is null)
            {
                Directory.CreateDirectory(folder);
                store = new SqliteStore(Path.Combine(folder, "bench.db"));
                storeName = "sqlite";
            }
            else
            {
                client = new CosmosClient(cosmos, CosmosStore.ClientOptions(limitToEndpoint: true));
                store = new CosmosStore(client, "bench" + Guid.NewGuid().ToString("n")[..8]);
                storeName = "cosmos";
            }

            await store.InitializeAsync();
            var rules = CrossReportRules.For(store, RuleCatalogue.Default())!;
            var generated = CrossBenchCorpus.Generate(reports, bodies).ToList();

            var indexing = Stopwatch.StartNew();
            var indexOnly = TimeSpan.Zero;
            foreach (var item in generated)
            {
                await store.TryAddReportAsync(item.Report);
                var started = Stopwatch.GetTimestamp();
                await rules.IndexAsync(item.Report);
                indexOnly += Stopwatch.GetElapsedTime(started);
            }

            indexing.Stop();
            var chosen = Sample(generated, sample);
            var timings = new List<double>(chosen.Count);
            var score = new Score();
            var byId = generated.ToDictionary(g => g.Report.Id[..12]);

            // The process's first check pays for JIT, the boilerplate table and the connection pool once: timed on its own.
            var cold = Stopwatch.GetTimestamp();
            await rules.EvaluateAsync(chosen[^1].Report.Office, chosen[^1].Report.Id, chosen[^1].Report.Result);
            var coldMs = Stopwatch.GetElapsedTime(cold).TotalMilliseconds;
            var gcBefore = GC.CollectionCount(2);
            foreach (var item in chosen)
            {
                var started = Stopwatch.GetTimestamp();
                var result = await rules.EvaluateAsync(item.Report.Office, item.Report.Id, item.Report.Result);
                timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                score.Add(item, result, byId);
            }

            var gen2 = GC.CollectionCount(2) - gcBefore;
            timings.Sort();
            using var process = Process.GetCurrentProcess();
            var figures = new Dictionary<string, object?>
            {
                ["store"] = storeName,
                ["reports"] = generated.Count,
                ["bodies"] = bodies,
                ["years"] = generated.Select(g => g.Report.Result.Year).Distinct().Count(),
                ["storeAndIndexSeconds"] = Math.Round(indexing.Elapsed.TotalSeconds, 1),
                ["indexOnlySeconds"] = Math.Round(indexOnly.TotalSeconds, 1),
                ["evaluated"] = chosen.Count,
                ["xRulesP50Ms"] = Math.Round(Percentile.Of(timings, 0.50), 2),
                ["xRulesP95Ms"] = Math.Round(Percentile.Of(timings, 0.95), 2),
                ["xRulesMaxMs"] = Math.Round(timings[^1], 2),
                ["firstCheckColdMs"] = Math.Round(coldMs, 1),
                ["gen2CollectionsWhileTiming"] = gen2,
                ["peakWorkingSetMb"] = process.PeakWorkingSet64 / 1024 / 1024,
                ["managedHeapMb"] = GC.GetTotalMemory(false) / 1024 / 1024,
                ["storeFileMb"] = cosmos is null ? new FileInfo(Path.Combine(folder, "bench.db")).Length / 1024 / 1024 : null,
                ["otherBodyCopies"] = score.OtherBody.Known,
                ["otherBodyRecall"] = score.OtherBody.Recall,
                ["otherBodyPrecision"] = score.OtherBody.Precision,
                ["previousYearCopies"] = score.PreviousYear.Known,
                ["previousYearRecall"] = score.PreviousYear.Recall,
                ["previousYearPrecision"] = score.PreviousYear.Precision,
                ["carryBroken"] = score.Carry.Known,
                ["carryRecall"] = score.Carry.Recall,
                ["carryPrecision"] = score.Carry.Precision,
                ["inForceBroken"] = score.InForce.Known,
                ["inForceRecall"] = score.InForce.Recall,
                ["inForcePrecision"] = score.InForce.Precision,
            };
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(figures));
            }
            else
            {
                stdout.WriteLine($"跨报告规则基准（{storeName}）：{generated.Count} 份报告，{bodies} 个单位，{figures["years"]} 个年度（共享机器上计时有波动）");
                stdout.WriteLine($"  存储并建立索引：{figures["storeAndIndexSeconds"]} 秒（其中文字索引 {figures["indexOnlySeconds"]} 秒）");
                stdout.WriteLine($"  单份报告 X-规则：p50 {figures["xRulesP50Ms"]} ms，p95 {figures["xRulesP95Ms"]} ms，最长 {figures["xRulesMaxMs"]} ms（计 {chosen.Count} 份；进程首次检查另计 {figures["firstCheckColdMs"]} ms；计时期间完整 GC {gen2} 次）");
                stdout.WriteLine($"  内存：峰值工作集 {figures["peakWorkingSetMb"]} MB，托管堆 {figures["managedHeapMb"]} MB" + (cosmos is null ? $"，库文件 {figures["storeFileMb"]} MB" : ""));
                stdout.WriteLine($"  X-DUPLICATE 照搬他单位：已知 {score.OtherBody.Known} 份，查全率 {score.OtherBody.Recall:0.000}，查准率 {score.OtherBody.Precision:0.000}");
                stdout.WriteLine($"  X-DUPLICATE 重复上年：已知 {score.PreviousYear.Known} 份，查全率 {score.PreviousYear.Recall:0.000}，查准率 {score.PreviousYear.Precision:0.000}");
                stdout.WriteLine($"  X-CARRY 错填单元格：已知 {score.Carry.Known} 个，查全率 {score.Carry.Recall:0.000}，查准率 {score.Carry.Precision:0.000}");
                stdout.WriteLine($"  X-IN-FORCE 错填单元格：已知 {score.InForce.Known} 个，查全率 {score.InForce.Recall:0.000}，查准率 {score.InForce.Precision:0.000}");
            }

            return ExitCodes.Passed;
        }
        finally
        {
            client?.Dispose();
            if (Directory.Exists(folder))
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static List<GeneratedReport> Sample(List<GeneratedReport> all, int? sample)
    {
        if (sample is not { } n || n >= all.Count)
        {
            return all;
        }

        // Evenly through the corpus, so every year and the known copies are represented.
        return [.. Enumerable.Range(0, n).Select(i => all[(int)((long)i * all.Count / n)])];
    }

    [GeneratedRegex("编号([0-9a-f]{12})")]
    private static partial Regex ReportId();

    /// <summary>Counts of found, known and correct, for one kind of finding.</summary>
    private sealed class Tally
    {
        public int Known { get; set; }

        public int Found { get; set; }

        public int Correct { get; set; }

        public int Hit { get; set; }

        public double Recall => Known == 0 ? 1 : Math.Round((double)Hit / Known, 3);

        public double Precision => Found == 0 ? 1 : Math.Round((double)Correct / Found, 3);
    }

    private sealed class Score
    {
        public Tally OtherBody { get; } = new();

        public Tally PreviousYear { get; } = new();

        public Tally Carry { get; } = new();

        public Tally InForce { get; } = new();

        public void Add(GeneratedReport item, CheckResult result, Dictionary<string, GeneratedReport> byId)
        {
            var duplicates = result.Findings.Where(f => f.Rule == DuplicateTextRule.Id && f.Checked).ToList();

            // Another body: a flagged pair is right when the generator wrote both from one text (same lineage).
            var named = duplicates.Where(f => f.Message.Contains("可能照搬", StringComparison.Ordinal))
                .Select(f => ReportId().Match(f.Message).Groups[1].Value).Where(id => id.Length > 0).Distinct().ToList();
            OtherBody.Known += item.CopiedFromId is null ? 0 : 1;
            OtherBody.Found += named.Count;
            OtherBody.Correct += named.Count(id => byId.TryGetValue(id, out var other) && other.Lineage == item.Lineage);
            OtherBody.Hit += item.CopiedFromId is not null && named.Contains(item.CopiedFromId[..12]) ? 1 : 0;

            var previous = duplicates.Any(f => !f.Message.Contains("可能照搬", StringComparison.Ordinal));
            PreviousYear.Known += item.RepeatsPreviousYear ? 1 : 0;
            PreviousYear.Found += previous ? 1 : 0;
            PreviousYear.Correct += previous && item.RepeatsPreviousYear ? 1 : 0;
            PreviousYear.Hit += previous && item.RepeatsPreviousYear ? 1 : 0;

            Cells(Carry, CarryOverRule.Id, item.BrokenCarryCells, result);
            Cells(InForce, InForceRule.Id, item.BrokenInForceCells, result);
        }

        private static void Cells(Tally tally, string rule, IReadOnlyList<string> known, CheckResult result)
        {
            var found = result.Findings.Where(f => f.Rule == rule && f.Checked).Select(f => f.Cells[0]).ToList();
            tally.Known += known.Count;
            tally.Found += found.Count;
            tally.Correct += found.Count(known.Contains);
            tally.Hit += known.Count(found.Contains);
        }
    }
}
