using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Pipeline.Checking;
using Pipeline.Cli;
using Pipeline.Intake;
using Pipeline.Ocr;
using Pipeline.Review;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Review.Tests;

/// <summary>
/// One stored pipeline for all the browser tests: offices in a tree, reports taken in through the real intake
/// service (text, web page, Word, and a scan read by OCR once here), <c>pipeline serve</c>'s host on two loopback
/// ports (the operator's, and one that trusts the principal header as behind App Service authentication),
/// and the Debian Chromium driven by Playwright.
/// </summary>
public sealed class ReviewSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "review-tests-" + Guid.NewGuid().ToString("n"));

    public string Database => Path.Combine(Folder, "pipeline.db");

    public string Outbox => Path.Combine(Folder, "outbox");

    public string Drop => Path.Combine(Folder, "drop");

    public WebApplication Local { get; private set; } = null!;

    public WebApplication Trusted { get; private set; } = null!;

    public string LocalUrl { get; private set; } = "";

    public string TrustedUrl { get; private set; } = "";

    public IPlaywright Playwright { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public SqliteStore Store { get; private set; } = null!;

    public Dictionary<string, StoredReport> Reports { get; } = [];

    /// <summary>The text PDF the scan was printed from: where its words are is the oracle for the outlines.</summary>
    public static string ScanSource => Path.Combine(Repository.Root, "tests", "fixtures", "pdf", "failing-2021.pdf");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Drop);
        var localPort = LocalService.FreePort();
        Local = LocalReviewHost.Create(new LocalReviewSettings(Database, localPort, Outbox));
        var trustedPort = LocalService.FreePort();
        Trusted = LocalReviewHost.Create(new LocalReviewSettings(Database, trustedPort, Outbox) { TrustPrincipalHeader = true });
        LocalUrl = $"http://127.0.0.1:{localPort}";
        TrustedUrl = $"http://127.0.0.1:{trustedPort}";
        Store = new SqliteStore(Database);

        foreach (var office in Offices)
        {
            await Store.UpsertOfficeAsync(office);
        }

        var intake = Local.Services.GetRequiredService<IntakeService>();
        await TakeInAsync(intake, "edu", Path.Combine(Repository.Samples, "passing-2021-tabs.txt"), "edu-passed");
        await TakeInAsync(intake, "edu", Path.Combine(Repository.Samples, "failing-2021-tabs.txt"), "edu-failed");
        await TakeInAsync(intake, "town", Path.Combine(Repository.Samples, "failing-2021.html"), "town-failed-html");
        await TakeInAsync(intake, "other", Path.Combine(Repository.Samples, "failing-2021.docx"), "other-failed");
        await TakeInAsync(intake, "other", Path.Combine(Repository.Samples, "passing-2020.html"), "other-passed");

        // The scan: the failing text PDF printed to 200 dpi grey JPEG pages and bound again, with no text layer.
        var scan = await ScanAsync(ScanSource);

        // Read by OCR twice, side by side: under the default rules (failed) and under a threshold no OCR reading
        // reaches, which sends the same report to review (needsReview) in the office under 南郊镇.
        var strictRules = Path.Combine(Folder, "strict-rules.json");
        await File.WriteAllTextAsync(strictRules, """{ "confidenceThreshold": 0.9999, "rules": [] }""");
        var strict = RuleCatalogue.Load(strictRules);
        var strictIntake = new IntakeService(
            ReaderSet.CreateChecker(strict, ocr: Local.Services.GetRequiredService<EnginePool>()), RulesVersion.Of(strict), Store,
            Local.Services.GetRequiredService<INoticeQueue>(), TimeProvider.System, NullLogger<IntakeService>.Instance);
        await Task.WhenAll(
            TakeInAsync(intake, "town", scan, "town-scan"),
            TakeInAsync(strictIntake, "village", scan, "village-scan-review"));

        // The same reading stored once more for 示例市 (a copy of the record, not a second OCR run), for the settling test,
        // so that settling it leaves 东街街道's report waiting for review for the list test.
        // What is stored now, not what each intake returned: a later report 80% the same text re-evaluates an
        // earlier one (X-DUPLICATE), and the pages and exports show the stored version.
        foreach (var key in Reports.Keys.ToList())
        {
            Reports[key] = await Store.GetReportAsync(Reports[key].Office, Reports[key].Id) ?? Reports[key];
        }

        var copy = Reports["village-scan-review"] with { Office = "city", ETag = null };
        Assert.True(await Store.TryAddReportAsync(copy));
        Reports["city-scan-review"] = copy;

        await Local.StartAsync();
        await Trusted.StartAsync();
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--font-render-hinting=none"],
        });
    }

    public static readonly Office[] Offices =
    [
        new() { Code = "city", Name = "示例市人民政府", Kind = "government", Supervisors = ["city-boss@example.cn"] },
        new() { Code = "edu", Name = "示例市教育局", Kind = "department", Parent = "city", Supervisors = ["edu-boss@example.cn"] },
        new() { Code = "town", Name = "南郊镇人民政府", Kind = "town", Parent = "city", Supervisors = ["town-boss@example.cn"] },
        new() { Code = "village", Name = "东街街道办事处", Kind = "街道", Parent = "town", Supervisors = ["village-boss@example.cn"] },
        new() { Code = "other", Name = "外区人民政府", Kind = "government" },
    ];

    public async Task<IBrowserContext> NewContextAsync(IDictionary<string, string>? headers = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            Locale = "zh-CN",
            ExtraHTTPHeaders = headers,
        });
        context.SetDefaultTimeout(60_000);
        return context;
    }

    public string PageOf(string key, string? baseUrl = null) =>
        $"{baseUrl ?? LocalUrl}/reports/{Reports[key].Office}/{Reports[key].Id}";

    private async Task TakeInAsync(IntakeService intake, string office, string file, string key)
    {
        var target = Path.Combine(Drop, office, Path.GetFileName(file));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(file, target, overwrite: true);
        await using var content = File.OpenRead(target);
        var outcome = await intake.TakeInAsync(new IntakeRequest(office, Path.GetFileName(target), target, null, content));
        lock (Reports)
        {
            Reports[key] = outcome.Report;
        }
    }

    private async Task<string> ScanAsync(string pdf)
    {
        var pages = Path.Combine(Folder, "scan-pages");
        Directory.CreateDirectory(pages);
        await RunAsync("pdftoppm", "-r", "200", "-gray", "-jpeg", pdf, Path.Combine(pages, "p"));
        var scan = Path.Combine(Folder, "failing-2021-scan.pdf");
        await RunAsync("img2pdf", [.. new[] { "--pagesize", "594.96ptx841.92pt", "-o", scan }, .. Directory.GetFiles(pages, "*.jpg").Order(StringComparer.Ordinal)]);
        return scan;
    }

    public static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(tool + " did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {await errors}");
        }

        return await output;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        Playwright?.Dispose();
        await Local.StopAsync();
        await Trusted.StopAsync();
        await Local.DisposeAsync();
        await Trusted.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}

[CollectionDefinition(Name)]
public sealed class ReviewSiteCollection : ICollectionFixture<ReviewSite>
{
    public const string Name = "review site";
}
