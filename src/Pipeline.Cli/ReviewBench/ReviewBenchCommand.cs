using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Intake;
using Pipeline.Model.Results;
using Pipeline.Review;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Cli.ReviewBench;

/// <summary>
/// <c>pipeline bench-review</c>: stores N generated reports (SQLite in a temp folder, or Cosmos DB with --cosmos),
/// serves the review pages on a loopback port with the handlers both hosts use, signed in as App Service would
/// sign in a supervisor, and times whole page loads over HTTP: the list with typical filters and a report's
/// page. It checks the list's totals against what it generated. Figures only: the machine is shared.
/// </summary>
public sealed partial class ReviewBenchCommand(TextWriter stdout, TextWriter stderr)
{
    public async Task<int> RunAsync(int reports, int offices, string? cosmos, int requests, bool json, CancellationToken cancellationToken)
    {
        if (reports <= 0 || offices <= 0 || offices > reports || requests <= 0)
        {
            stderr.WriteLine("用法错误：--reports、--offices、--requests 应为正数，且单位数不多于报告数。");
            return ExitCodes.Unusable;
        }

        var folder = Path.Combine(Path.GetTempPath(), "pipeline-bench-review-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(folder);
        CosmosClient? client = null;
        try
        {
            var db = Path.Combine(folder, "bench.db");
            IPipelineStore store;
            IReviewStore reviews;
            if (cosmos is null)
            {
                store = new SqliteStore(db);
                reviews = new SqliteReviewStore(db);
            }
            else
            {
                client = new CosmosClient(cosmos, CosmosStore.ClientOptions(limitToEndpoint: true));
                var database = "benchreview" + Guid.NewGuid().ToString("n")[..8];
                store = new CosmosStore(client, database);
                reviews = new CosmosReviewStore(client, database);
            }

            await store.InitializeAsync(cancellationToken);
            await reviews.InitializeAsync(cancellationToken);

            var seeding = Stopwatch.StartNew();
            var corpus = ReviewBenchCorpus.For(offices);
            foreach (var office in corpus.Registry)
            {
                await store.UpsertOfficeAsync(office, cancellationToken);
            }

            var sample = new List<StoredReport>();
            var count = 0;
            await Parallel.ForEachAsync(corpus.Generate(reports, offices), new ParallelOptions { MaxDegreeOfParallelism = cosmos is null ? 1 : 8, CancellationToken = cancellationToken }, async (item, ct) =>
            {
                await store.TryAddReportAsync(item.Report, ct);
                if (item.Settlement is { } settlement)
                {
                    await reviews.AddDecisionAsync(new ReviewDecision
                    {
                        Id = "decision-" + item.Report.Id[..16],
                        Office = item.Report.Office,
                        ReportId = item.Report.Id,
                        Action = settlement,
                        By = "基准测试",
                        At = item.Report.StoredAt.AddDays(3),
                    }, ct);
                }

                // Every 97th report is one the report page is timed on; the rest are not kept in memory.
                if (Interlocked.Increment(ref count) % 97 == 0)
                {
                    lock (sample)
                    {
                        sample.Add(item.Report);
                    }
                }
            });
            seeding.Stop();
            GC.Collect();

            using var pipeline = await LocalPipeline.CreateAsync(
                new LocalOptions(db, Path.Combine(folder, "outbox"), null, "bench@localhost", "bench@localhost", new Uri("http://127.0.0.1")), RuleCatalogue.Default());
            var port = FreePort();
            await using var app = Host(port, store, reviews, pipeline.Intake, acrossOffices: cosmos is null, Path.Combine(folder, "pages"));
            await app.StartAsync(cancellationToken);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };

            var city = Principal("市监督员", "Supervisor." + ReviewBenchCorpus.City);
            var district = Principal("区监督员", "Supervisor." + ReviewBenchCorpus.District(1));
            var years = CrossBench.CrossBenchCorpus.FirstYear;
            var scenarios = new (string Name, string Principal, Func<int, string> Url)[]
            {
                ("list: city supervisor, needsReview first, pages 1-5", city, i => $"/reports?page={1 + (i % 5)}"),
                ("list: a district and a year", city, i => $"/reports?office={ReviewBenchCorpus.District(i % corpus.Districts)}&year={years + (i % 4)}"),
                ("list: verdict failed and rule T3-BALANCE", city, i => $"/reports?verdict=failed&rule=T3-BALANCE&page={1 + (i % 3)}"),
                ("list: sorted by file name, descending, page 10", city, _ => "/reports?sort=name&dir=desc&page=10"),
                ("list: district supervisor (own subtree)", district, i => $"/reports?year={years + (i % 4)}"),
                ("report page", city, i => $"/reports/{sample[i % sample.Count].Office}/{sample[i % sample.Count].Id}"),
            };

            var servingPeak = 0L;
            var results = new List<ScenarioFigures>();
            foreach (var (name, principal, url) in scenarios)
            {
                var timings = new List<double>();
                for (var i = -3; i < requests; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    var (status, _) = await GetAsync(http, url(Math.Abs(i)), principal, cancellationToken);
                    var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    if (status != HttpStatusCode.OK)
                    {
                        stderr.WriteLine($"基准中止：{url(Math.Abs(i))} 返回 {(int)status}。");
                        return ExitCodes.Unusable;
                    }

                    if (i >= 0)
                    {
                        timings.Add(elapsed); // the first three warm the caches and are not counted
                    }

                    using var self = Process.GetCurrentProcess();
                    servingPeak = Math.Max(servingPeak, self.WorkingSet64);
                }

                results.Add(new ScenarioFigures(name, url(0), requests, Math.Round(Percentile.Of(timings, 0.50), 1), Math.Round(Percentile.Of(timings, 0.95), 1), Math.Round(timings.Max(), 1)));
            }

            // The city supervisor sees every report: the list's total and its queue must be what was generated.
            var (_, page) = await GetAsync(http, "/reports", city, cancellationToken);
            var total = int.Parse(Total().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var queue = int.Parse(Count().Match(page).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var countsMatch = total == reports && queue == corpus.Standing[Verdict.NeedsReview];

            using var process = Process.GetCurrentProcess();
            var figures = new
            {
                store = cosmos is null ? "sqlite" : "cosmos",
                reports,
                offices = corpus.Registry.Count,
                seedSeconds = Math.Round(seeding.Elapsed.TotalSeconds, 1),
                standing = corpus.Standing.ToDictionary(p => ReportFilter.VerdictKey(p.Key), p => p.Value),
                listedTotal = total,
                listedNeedsReview = queue,
                countsMatch,
                scenarios = results,
                peakWorkingSetMb = process.PeakWorkingSet64 / 1024 / 1024,
                servingPeakWorkingSetMb = servingPeak / 1024 / 1024,
                storeFileMb = cosmos is null ? new FileInfo(db).Length / 1024 / 1024 : (long?)null,
            };
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(figures, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
            }
            else
            {
                stdout.WriteLine($"复核页面基准（{figures.store}）：{reports} 份报告，{figures.offices} 个单位，装入 {figures.seedSeconds} 秒（共享机器上计时有波动）");
                foreach (var r in results)
                {
                    stdout.WriteLine($"  {r.Name}：p50 {r.P50Ms} ms，p95 {r.P95Ms} ms，最长 {r.MaxMs} ms（{requests} 次，如 {r.Example}）");
                }

                stdout.WriteLine($"  列表合计 {total} 份、待复核 {queue} 份，与生成的{(countsMatch ? "一致" : "不一致")}");
                stdout.WriteLine($"  内存：峰值工作集 {figures.peakWorkingSetMb} MB（含装入），服务期间最高 {figures.servingPeakWorkingSetMb} MB" + (cosmos is null ? $"，库文件 {figures.storeFileMb} MB" : ""));
            }

            await app.StopAsync(cancellationToken);
            return countsMatch ? ExitCodes.Passed : ExitCodes.Findings;
        }
        finally
        {
            client?.Dispose();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The review pages as both hosts serve them (the handlers and routes of Pipeline.Review), behind a trusted sign-in header.</summary>
    private static WebApplication Host(int port, IPipelineStore store, IReviewStore reviews, IntakeService intake, bool acrossOffices, string cache)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(reviews);
        builder.Services.AddSingleton<IOriginals>(new FolderOriginals());
        // Only GETs are timed: the intake service (re-processing, settling) is the local one and is never called.
        builder.Services.AddSingleton(intake);
        builder.Services.AddReview(new ReviewOptions { TrustPrincipalHeader = true, LoopbackOnly = false, ListAcrossOffices = acrossOffices, CacheFolder = cache });
        var app = builder.Build();
        app.MapReview();
        return app;
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string url, string principal, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(ClientPrincipal.Header, principal);
        using var response = await http.SendAsync(request, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    private static string Principal(string name, string role) =>
        new ClientPrincipal("aad", "name", "roles", [new PrincipalClaim("name", name), new PrincipalClaim("roles", role)]).Encode();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("合计 (\\d+) 份")]
    private static partial Regex Total();

    [GeneratedRegex("data-count=\"needsReview\">(\\d+)<")]
    private static partial Regex Count();
}

/// <summary>One timed kind of page load.</summary>
public sealed record ScenarioFigures(
    [property: System.Text.Json.Serialization.JsonPropertyName("name")] string Name,
    [property: System.Text.Json.Serialization.JsonPropertyName("example")] string Example,
    [property: System.Text.Json.Serialization.JsonPropertyName("requests")] int Requests,
    [property: System.Text.Json.Serialization.JsonPropertyName("p50Ms")] double P50Ms,
    [property: System.Text.Json.Serialization.JsonPropertyName("p95Ms")] double P95Ms,
    [property: System.Text.Json.Serialization.JsonPropertyName("maxMs")] double MaxMs);
