using System.CommandLine;
using Pipeline.Cli.CrossBench;

namespace Pipeline.Cli;

/// <summary>The command line: <c>pipeline check FILE|FOLDER... [--json] [--rules FILE]</c>.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "要检查的年度报告文件或文件夹（txt、html、docx、pdf）",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出检查结果（一个文件输出一个对象，多个文件输出数组）" };
        var rules = new Option<string?>("--rules") { Description = "使用自定义规则文件（JSON），未列出的规则沿用默认设置" };

        var checkDb = new Option<string?>("--db") { Description = "同时按本地报告库（SQLite）核对跨报告规则：上年结转、现行有效件数、文字重复（只读，不写入）" };
        var checkOffice = new Option<string?>("--office") { Description = "与 --db 同用：报告所属单位的代码（默认取文件所在文件夹名，同 watch 的 DROP/单位/文件）" };
        var duplicateThreshold = new Option<double?>("--duplicate-threshold")
        {
            Description = "X-DUPLICATE：某部分与本单位上年报告、或正文与他单位同年报告重复的文字达到此比例即警告（0–1，默认 0.5）",
        };
        duplicateThreshold.Validators.Add(r =>
        {
            if (r.GetValue(duplicateThreshold) is { } share && share is not (> 0 and <= 1))
            {
                r.AddError("--duplicate-threshold 应为 0 到 1 之间的小数（如 0.5）。");
            }
        });
        CrossReport.CrossReportOptions CrossOptions(ParseResult parse) => parse.GetValue(duplicateThreshold) is { } share
            ? new() { DuplicateThreshold = share, OtherBodyThreshold = share }
            : new();

        var check = new Command("check", "检查年度报告：格式、表格勾稽关系、正文与表格是否一致") { paths, json, rules, checkDb, checkOffice, duplicateThreshold };
        check.SetAction(parse => new CheckCommand(stdout, stderr).Run(parse.GetValue(paths)!, parse.GetValue(json), parse.GetValue(rules), parse.GetValue(checkDb), parse.GetValue(checkOffice), CrossOptions(parse)));

        var compareOffice = new Argument<string>("office") { Description = "单位代码" };
        var compareYear = new Argument<int>("year") { Description = "报告年度（与上一年度对照）" };
        var compareDb = new Option<string>("--db") { Description = "报告库（SQLite）", DefaultValueFactory = _ => CompareCommand.DefaultDatabase };
        var compare = new Command("compare", "逐项对照同一单位相邻两年的表二、表三、表四及差异") { compareOffice, compareYear, compareDb };
        compare.SetAction(parse => new CompareCommand(stdout, stderr).Run(parse.GetValue(compareOffice)!, parse.GetValue(compareYear), parse.GetValue(compareDb)!));

        var crossReports = new Option<int>("--reports") { Description = "生成的报告份数", DefaultValueFactory = _ => 10_000 };
        var crossBodies = new Option<int>("--bodies") { Description = "报告单位数", DefaultValueFactory = _ => 2_500 };
        var crossCosmos = new Option<string?>("--cosmos") { Description = "改用 Cosmos DB（如 cosmosdb-server）：连接字符串 AccountEndpoint=…;AccountKey=…" };
        var crossSample = new Option<int?>("--sample") { Description = "只对其中若干份计时和核对（默认全部）" };
        var crossJson = new Option<bool>("--json") { Description = "以 JSON 输出数字" };
        var crossBench = new Command("bench-cross", "跨报告规则基准：建索引耗时、单份报告 X-规则的 p50/p95、内存、X-DUPLICATE 查全率与查准率")
            { crossReports, crossBodies, crossCosmos, crossSample, crossJson };
        crossBench.SetAction(parse => new CrossBenchCommand(stdout, stderr).Run(parse.GetValue(crossReports), parse.GetValue(crossBodies), parse.GetValue(crossCosmos), parse.GetValue(crossSample), parse.GetValue(crossJson)));

        var file = new Argument<string>("file") { Description = "要查看的文件" };
        var layout = new Command("layout", "显示文件被读成的段落和表格（排查识别问题用）") { file };
        layout.SetAction(parse => new LayoutCommand(stdout, stderr).Run(parse.GetValue(file)!));

        var corpus = new Argument<string>("corpus") { Description = "带真值文件（NAME.truth.json）的报告文件夹" };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "不运行整页OCR基线（只测本流水线，约快一倍）" };
        var wrong = new Option<bool>("--wrong") { Description = "逐份列出读错的单元格：地址、读到的值、真值和置信度" };
        var benchJson = new Option<bool>("--json") { Description = "以 JSON 输出：每种类型和方法一个对象（kind、method、pagesPerSecond、cellsRight 等）" };
        var bench = new Command("bench", "基准测试：逐类统计识别正确率、结论正确率、误判和速度") { corpus, noBaseline, wrong, benchJson };
        bench.SetAction(parse => new BenchCommand(stdout, stderr).Run(parse.GetValue(corpus)!, !parse.GetValue(noBaseline), parse.GetValue(wrong), parse.GetValue(benchJson)));

        var db = new Option<string>("--db") { Description = "结果数据库（SQLite）", DefaultValueFactory = _ => LocalPipeline.DefaultDb };
        var outbox = new Option<string>("--outbox") { Description = "邮件发件箱文件夹（每封邮件一个 .eml 文件）", DefaultValueFactory = _ => LocalPipeline.DefaultOutbox };
        var smtp = new Option<string?>("--smtp") { Description = "改用 SMTP 服务器发送邮件，格式 主机:端口" };
        var offices = new Option<string?>("--offices") { Description = "先导入单位名录（JSON）" };
        var fallback = new Option<string>("--fallback") { Description = "名录中没有的单位，其通知发往此邮箱", DefaultValueFactory = _ => LocalPipeline.DefaultFallback };
        var from = new Option<string>("--from") { Description = "发件人邮箱", DefaultValueFactory = _ => "annual-reports@localhost" };
        var baseUrl = new Option<string>("--base-url") { Description = "邮件中报告链接的前缀", DefaultValueFactory = _ => "http://localhost:8080" };
        var once = new Option<bool>("--once") { Description = "处理完现有文件即退出（退出码同 check）" };
        var drop = new Argument<string>("drop") { Description = "投递文件夹：投递文件夹/单位代码/报告文件" };
        var watch = new Command("watch", "监视投递文件夹：自动检查新报告、保存结果、未通过时通知监督人") { drop, db, outbox, smtp, offices, fallback, from, baseUrl, once, rules, duplicateThreshold };
        watch.SetAction(async (parse, ct) =>
        {
            if (LocalOptionsFrom(parse.GetValue(db)!, parse.GetValue(outbox)!, parse.GetValue(smtp), parse.GetValue(from)!, parse.GetValue(fallback)!, parse.GetValue(baseUrl)!, stderr) is not { } local)
            {
                return ExitCodes.Unusable;
            }

            return await new WatchCommand(stdout, stderr).RunAsync(parse.GetValue(drop)!, local with { CrossReport = CrossOptions(parse) }, parse.GetValue(offices), parse.GetValue(rules), parse.GetValue(once), ct);
        });

        var reprocessOffice = new Option<string?>("--office") { Description = "只重新检查这个单位的报告" };
        var reprocess = new Command("reprocess", "规则变更后重新检查库中报告的原件：保留历史结论，只在结论变为未通过或无法读取时通知监督人")
            { db, reprocessOffice, rules, outbox, smtp, fallback, from, baseUrl };
        reprocess.SetAction(async (parse, ct) =>
        {
            if (LocalOptionsFrom(parse.GetValue(db)!, parse.GetValue(outbox)!, parse.GetValue(smtp), parse.GetValue(from)!, parse.GetValue(fallback)!, parse.GetValue(baseUrl)!, stderr) is not { } local)
            {
                return ExitCodes.Unusable;
            }

            return await new ReprocessCommand(stdout, stderr).RunAsync(local, parse.GetValue(reprocessOffice), parse.GetValue(rules), ct);
        });

        var officeFilter = new Option<string?>("--office") { Description = "只列出这个单位" };
        var year = new Option<int?>("--year") { Description = "只列出这个年度" };
        var verdict = new Option<string?>("--verdict") { Description = "只列出这个结论：passed、failed、needsReview、unreadable" };
        var reports = new Command("reports", "列出已保存的检查结果") { db, officeFilter, year, verdict, json };
        reports.SetAction(async (parse, ct) =>
        {
            Model.Results.Verdict? wanted = null;
            if (parse.GetValue(verdict) is { } v)
            {
                try
                {
                    wanted = System.Text.Json.JsonSerializer.Deserialize<Model.Results.Verdict>($"\"{v}\"");
                }
                catch (System.Text.Json.JsonException)
                {
                    stderr.WriteLine($"--verdict 只能是 passed、failed、needsReview 或 unreadable，而不是“{v}”。");
                    return ExitCodes.Unusable;
                }
            }

            return await new ReportsCommand(stdout).RunAsync(parse.GetValue(db)!, parse.GetValue(officeFilter), parse.GetValue(year), wanted, parse.GetValue(json));
        });

        var officesFile = new Argument<string>("file") { Description = "单位名录 JSON：[{\"code\", \"name\", \"kind\", \"parent\", \"supervisors\": [\"…\"]}]" };
        var import = new Command("import", "导入单位名录") { officesFile, db };
        import.SetAction(async (parse, ct) => await OfficesCommand.ImportAsync(parse.GetValue(officesFile)!, await LocalPipeline.OpenStoreAsync(parse.GetValue(db)!), stdout, stderr));
        var officesCommand = new Command("offices", "单位名录") { import };

        var serve = ServeOptions.Command(stdout, stderr);

        var loadReports = new Option<int>("--reports") { Description = "送入的报告份数（由样例生成，各不相同）", DefaultValueFactory = _ => 500 };
        var loadConcurrency = new Option<int>("--concurrency") { Description = "同时处理的报告数", DefaultValueFactory = _ => 8 };
        var loadSamples = new Option<string>("--samples") { Description = "样例报告文件夹（txt、html、docx、pdf）", DefaultValueFactory = _ => "samples" };
        var loadWork = new Option<string?>("--work") { Description = "工作文件夹（须为空；默认 .pipeline/loadtest-时间）：报告库、发件箱和投递副本" };
        var loadJson = new Option<bool>("--json") { Description = "以 JSON 输出数字" };
        var loadBlock = new Option<int>("--block") { Description = "每批份数：单纯检查与流水线按批交替运行（默认 0：并发数的 4 倍，至少 16）", DefaultValueFactory = _ => 0 };
        var loadCosmos = new Option<string?>("--cosmos") { Description = "改用本地服务：Cosmos DB（如 cosmosdb-server）连接字符串 AccountEndpoint=…;AccountKey=…" };
        var loadStorage = new Option<string?>("--storage") { Description = "改用本地服务：Blob 与队列存储（如 Azurite）连接字符串" };
        var loadMailApi = new Option<string?>("--mail-api") { Description = "改用本地服务：邮件服务器的 REST 接口（maildev，如 http://127.0.0.1:1080/），用来核对收到的邮件" };
        var loadTest = new Command("loadtest", "负载测试：经接收服务处理 N 份报告（本地报告库和发件箱，或 --cosmos/--storage/--smtp/--mail-api 所给的本地服务），输出吞吐量、p50/p95 延迟、相对单纯检查的额外开销，并核对记录和邮件各恰好一份")
            { loadReports, loadConcurrency, loadSamples, loadWork, loadBlock, rules, loadJson, loadCosmos, loadStorage, smtp, loadMailApi };
        loadTest.SetAction(async (parse, ct) =>
        {
            string?[] given = [parse.GetValue(loadCosmos), parse.GetValue(loadStorage), parse.GetValue(smtp), parse.GetValue(loadMailApi)];
            LoadTest.LoadServices? services = null;
            if (given.Any(g => g is not null))
            {
                if (given.Any(g => g is null) || SmtpFrom(given[2]!, stderr) is not { } server || !Uri.TryCreate(given[3], UriKind.Absolute, out var mailApi))
                {
                    stderr.WriteLine("经本地服务的负载测试需要同时给出 --cosmos、--storage、--smtp 主机:端口 和 --mail-api 网址（见 scripts/loadtest-services.sh）。");
                    return ExitCodes.Unusable;
                }

                services = new LoadTest.LoadServices(given[0]!, given[1]!, server, mailApi);
            }

            return await new LoadTest.LoadTestCommand(stdout, stderr).RunAsync(
                parse.GetValue(loadSamples)!, parse.GetValue(loadReports), parse.GetValue(loadConcurrency), parse.GetValue(loadBlock), parse.GetValue(loadWork), parse.GetValue(rules), parse.GetValue(loadJson), ct, services);
        });

        var reviewReports = new Option<int?>("--reports") { Description = "生成的报告份数（默认 10000；--cosmos 时 2000）" };
        var reviewOffices = new Option<int?>("--offices") { Description = "报告单位数（默认 500；--cosmos 时 100），另加一个市和其下各区" };
        var reviewCosmos = new Option<string?>("--cosmos") { Description = "改用 Cosmos DB（如 cosmosdb-server）：连接字符串 AccountEndpoint=…;AccountKey=…" };
        var reviewRequests = new Option<int>("--requests") { Description = "每种页面计时的请求次数", DefaultValueFactory = _ => 40 };
        var reviewJson = new Option<bool>("--json") { Description = "以 JSON 输出数字" };
        var reviewBench = new Command("bench-review", "复核页面基准：装入 N 份报告，经 HTTP 计时报告列表（常用筛选）和报告页面的 p50/p95，以及峰值内存")
            { reviewReports, reviewOffices, reviewCosmos, reviewRequests, reviewJson };
        reviewBench.SetAction(async (parse, ct) =>
        {
            var cosmos = parse.GetValue(reviewCosmos);
            return await new ReviewBench.ReviewBenchCommand(stdout, stderr).RunAsync(
                parse.GetValue(reviewReports) ?? (cosmos is null ? 10_000 : 2_000), parse.GetValue(reviewOffices) ?? (cosmos is null ? 500 : 100),
                cosmos, parse.GetValue(reviewRequests), parse.GetValue(reviewJson), ct);
        });

        var root = new RootCommand("政府信息公开工作年度报告检查工具") { check, layout, bench, watch, reprocess, reports, officesCommand, serve, compare, crossBench, loadTest, reviewBench };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"用法错误：{error.Message}");
            }

            stderr.WriteLine("用法：./pipeline check 文件或文件夹... [--json] [--rules 规则文件]");
            return ExitCodes.Unusable;
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false });
        }
        catch (Pipeline.Ocr.OcrUnavailableException e)
        {
            // The recogniser's models are loaded at start-up: missing ones stop the program before any file is read.
            stderr.WriteLine($"无法启动识别：{e.Message}");
            return ExitCodes.Unusable;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A clerk cannot read a stack trace: name the failure, keep the exit code's meaning.
            stderr.WriteLine($"程序内部错误（{e.GetType().Name}），检查未完成。请把这条信息告诉管理员。");
            return ExitCodes.Unusable;
        }
    }

    private static Notification.SmtpSettings? SmtpFrom(string smtp, TextWriter stderr)
    {
        var colon = smtp.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(smtp[(colon + 1)..], out var port))
        {
            stderr.WriteLine($"--smtp 的格式应为 主机:端口，例如 127.0.0.1:25，而不是“{smtp}”。");
            return null;
        }

        return new Notification.SmtpSettings(smtp[..colon], port);
    }

    private static LocalOptions? LocalOptionsFrom(string db, string outbox, string? smtp, string from, string fallback, string baseUrl, TextWriter stderr)
    {
        Notification.SmtpSettings? server = null;
        if (smtp is not null && (server = SmtpFrom(smtp, stderr)) is null)
        {
            return null;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri))
        {
            stderr.WriteLine($"--base-url 应为完整网址，而不是“{baseUrl}”。");
            return null;
        }

        return new LocalOptions(db, outbox, server, from, fallback, uri);
    }
}
