using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pipeline.Imaging;
using Pipeline.Review;

namespace Pipeline.Review.Tests;

/// <summary>The review pages in the real Chromium (Debian's, driven by Playwright), against <c>pipeline serve</c>'s host.</summary>
[Collection(ReviewSiteCollection.Name)]
public sealed partial class BrowserTests(ReviewSite site)
{
    [Fact]
    public async Task The_list_filters_to_an_office_with_those_under_it_and_to_a_verdict()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.LocalUrl + "/reports");

        // The queue first: the report waiting for review heads the unfiltered list.
        Assert.Equal("needsReview", await page.Locator("#reports tbody tr").First.GetAttributeAsync("data-verdict"));
        Assert.Equal(8, await page.Locator("#reports tbody tr").CountAsync());

        // Choosing 南郊镇 and 未通过 in the form, as a person does (keyboard-reachable selects and a submit button).
        await page.GetByLabel("单位（含下级）").SelectOptionAsync("town");
        await page.GetByLabel("结论", new() { Exact = true }).SelectOptionAsync("failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("office=town"));

        var rows = page.Locator("#reports tbody tr");
        var offices = await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.office)");
        var verdicts = await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.verdict)");
        Assert.Equal(["town", "town"], offices.Order().ToArray());
        Assert.All(verdicts, v => Assert.Equal("failed", v));

        // The counts are those of 南郊镇 and the office under it (东街街道's report waits for review).
        Assert.Equal("2", await page.Locator("[data-count=failed]").TextContentAsync());
        Assert.Equal("1", await page.Locator("[data-count=needsReview]").TextContentAsync());
        Assert.Equal("0", await page.Locator("[data-count=passed]").TextContentAsync());

        await page.GetByLabel("结论", new() { Exact = true }).SelectOptionAsync("needsReview");
        await page.GetByRole(AriaRole.Button, new() { Name = "筛选" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("verdict=needsReview"));
        Assert.Equal(["village"], await page.Locator("#reports tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.office)"));

        if (Environment.GetEnvironmentVariable("REVIEW_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.GotoAsync(site.LocalUrl + "/reports");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "review-list.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task A_failed_scanned_report_shows_its_page_with_the_findings_cells_outlined_where_they_are_printed()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PageOf("town-scan"));
        Assert.Equal("failed", await page.Locator("#verdict").GetAttributeAsync("data-verdict"));
        var svg = page.Locator("#page-image");
        await svg.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('#page-image image'); return i && i.getBBox().width > 0; }");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var box = await svg.BoundingBoxAsync() ?? throw new InvalidOperationException("no page image");
        var shot = Path.Combine(site.Folder, "scan-page.png");
        await svg.ScreenshotAsync(new LocatorScreenshotOptions { Path = shot });
        var image = await Screenshot.ReadAsync(shot, site.Folder);
        // Screenshot pixels per PDF point (the page is A4, 594.96 pt wide), inside the image's 1 px border.
        var scale = (image.Width - 2) / 594.96;

        // Where the cells are printed, found independently of the reading: the words of the text PDF the
        // scan was printed from (row labels of table 三 and the header 法律服务机构), by pdftotext -bbox.
        var words = await Words.OnPageAsync(ReviewSite.ScanSource, 2);
        var column = words.First(w => w.Text == "法律");
        var newReceived = words.First(w => w.Text.StartsWith("一、本年新收", StringComparison.Ordinal));
        var carriedOver = words.First(w => w.Text.StartsWith("二、上年结转", StringComparison.Ordinal));

        var magenta = Screenshot.Pixels(image, Screenshot.IsHit).ToList();
        Assert.True(magenta.Count > 100, $"only {magenta.Count} outline pixels on the page");
        foreach (var row in new[] { newReceived, carriedOver })
        {
            var x = 1 + (int)(column.CentreX * scale);
            var y = 1 + (int)(row.CentreY * scale);
            // An outline around the cell: outline ink left and right of the point within one cell's width, above and below within its height.
            Assert.True(Screenshot.Hit(image, x, y, -1, 0, (int)(30 * scale)), $"no outline left of {row.Text} × 法律服务机构");
            Assert.True(Screenshot.Hit(image, x, y, 1, 0, (int)(30 * scale)), $"no outline right of {row.Text} × 法律服务机构");
            Assert.True(Screenshot.Hit(image, x, y, 0, -1, (int)(18 * scale)), $"no outline above {row.Text} × 法律服务机构");
            Assert.True(Screenshot.Hit(image, x, y, 0, 1, (int)(18 * scale)), $"no outline below {row.Text} × 法律服务机构");
        }

        // And nowhere else: every outline pixel lies in the column, on those two rows.
        var left = (column.CentreX - 30) * scale;
        var right = (column.CentreX + 30) * scale;
        var top = (newReceived.CentreY - 20) * scale;
        var bottom = (carriedOver.CentreY + 20) * scale;
        var astray = magenta.Where(p => p.X < left || p.X > right || p.Y < top || p.Y > bottom).ToList();
        Assert.True(astray.Count == 0, $"{astray.Count} outline pixels away from the cells, e.g. {astray.FirstOrDefault()}");

        if (Environment.GetEnvironmentVariable("REVIEW_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, "review-report.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task A_decision_on_a_finding_survives_a_reload_and_a_reprocess()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PageOf("edu-failed"));
        var row = page.Locator("#findings tbody tr").Filter(new() { Has = page.Locator("form.decide") }).First;
        var fingerprint = await row.GetAttributeAsync("data-fingerprint");
        await row.GetByLabel("备注").FillAsync("核对原件，表三确有差错<script>alert(1)</script>");
        await row.GetByRole(AriaRole.Button, new() { Name = "确认问题" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=decided"));

        var decided = page.Locator($"#findings tr[data-fingerprint=\"{fingerprint}\"] td.decision strong");
        Assert.Equal("已确认", await decided.TextContentAsync());

        await page.ReloadAsync();
        Assert.Equal("已确认", await decided.TextContentAsync());

        // The note is shown as text, never run as markup.
        Assert.Equal(0, await page.Locator("#findings script").CountAsync());
        Assert.Contains("<script>alert(1)</script>", await page.Locator($"#findings tr[data-fingerprint=\"{fingerprint}\"] td.decision").TextContentAsync());

        var before = (await site.Store.GetReportAsync("edu", site.Reports["edu-failed"].Id))!.History.Count;
        await page.GetByRole(AriaRole.Button, new() { Name = "按现行规则重新检查" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=reprocessed"));
        Assert.Equal(before + 1, (await site.Store.GetReportAsync("edu", site.Reports["edu-failed"].Id))!.History.Count);
        Assert.Equal("已确认", await decided.TextContentAsync());
        Assert.Contains("确认问题", await page.Locator("#trail").TextContentAsync());
    }

    [Fact]
    public async Task Settling_a_report_that_needs_review_as_failed_emails_its_supervisor_once_and_holds()
    {
        var report = site.Reports["city-scan-review"];
        Assert.Equal(Pipeline.Model.Results.Verdict.NeedsReview, report.Verdict);
        int Emails() => Directory.Exists(site.Outbox)
            ? Directory.GetFiles(site.Outbox, "*.eml").Count(f => File.ReadAllText(f).Contains("X-Report-Id: " + report.Id, StringComparison.Ordinal)
                && File.ReadAllText(f).Contains("city-boss@example.cn", StringComparison.Ordinal))
            : 0;
        Assert.Equal(0, Emails());

        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PageOf("city-scan-review"));
        Assert.Equal("needsReview", await page.Locator("#verdict").GetAttributeAsync("data-verdict"));
        var settle = page.Locator("form[action$='/settle']");
        await settle.GetByLabel("复核意见").FillAsync("看过原件：法律服务机构列确实不平。");

        // The form posted twice (a double click, a resubmitted form): the second is refused, the email goes once.
        var token = await settle.Locator("input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        await settle.GetByRole(AriaRole.Button, new() { Name = "认定未通过（发送通知邮件）" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("done=settled"));
        Assert.Equal("failed", await page.Locator("#verdict").GetAttributeAsync("data-verdict"));
        Assert.Equal(1, Emails());

        var again = await context.APIRequest.PostAsync(site.PageOf("city-scan-review") + "/settle", new() { Form = FormOf(context.APIRequest, ("__RequestVerificationToken", token!), ("action", "settleFailed")), MaxRedirects = 0 });
        Assert.Equal(409, again.Status);
        Assert.Equal(1, Emails());

        await page.ReloadAsync();
        Assert.Equal("failed", await page.Locator("#verdict").GetAttributeAsync("data-verdict"));
        Assert.Contains("认定未通过", await page.Locator("#trail").TextContentAsync());
        Assert.Equal(0, await page.Locator("form[action$='/settle']").CountAsync());
    }

    [Fact]
    public async Task A_post_without_the_forms_antiforgery_token_is_refused()
    {
        await using var context = await site.NewContextAsync();
        var response = await context.APIRequest.PostAsync(site.PageOf("other-failed") + "/decisions", new()
        {
            Form = FormOf(context.APIRequest, ("fingerprint", "T3-BALANCE:x"), ("action", "dismiss")),
            MaxRedirects = 0,
        });
        Assert.Equal(400, response.Status);
        Assert.Contains("表单已过期", await response.TextAsync());
    }

    [Fact]
    public async Task A_clerks_principal_opens_their_own_offices_report_and_gets_403_for_another()
    {
        var clerk = Principal("王文员", "clerk@example.cn", "Clerk.edu");
        await using var context = await site.NewContextAsync(new Dictionary<string, string> { [ClientPrincipal.Header] = clerk });
        var page = await context.NewPageAsync();

        var own = await page.GotoAsync(site.PageOf("edu-failed", site.TrustedUrl));
        Assert.Equal(200, own!.Status);
        Assert.Equal(0, await page.Locator("form.decide").CountAsync()); // a clerk sees, a supervisor decides

        var other = await page.GotoAsync(site.PageOf("town-failed-html", site.TrustedUrl));
        Assert.Equal(403, other!.Status);
        Assert.Contains("您无权查看单位“town”的报告", await page.Locator("[role=alert]").TextContentAsync());

        var image = await context.APIRequest.GetAsync(site.PageOf("town-scan", site.TrustedUrl) + "/pages/2.png");
        Assert.Equal(403, image.Status);
        var original = await context.APIRequest.GetAsync(site.PageOf("town-scan", site.TrustedUrl) + "/original");
        Assert.Equal(403, original.Status);

        await page.GotoAsync(site.TrustedUrl + "/reports");
        Assert.All(await page.Locator("#reports tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.office)"), o => Assert.Equal("edu", o));
    }

    [Fact]
    public async Task A_supervisor_sees_the_offices_under_them_and_no_others_and_no_principal_is_401()
    {
        // Supervisor of 南郊镇 by the registry's email (no app role needed): 南郊镇 and 东街街道 under it.
        var supervisor = Principal("李主任", "town-boss@example.cn");
        await using var context = await site.NewContextAsync(new Dictionary<string, string> { [ClientPrincipal.Header] = supervisor });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.TrustedUrl + "/reports");
        var offices = await page.Locator("#reports tbody tr").EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.office)");
        Assert.Equal(["town", "town", "village"], offices.Order().ToArray());
        Assert.Equal(403, (await page.GotoAsync(site.PageOf("other-failed", site.TrustedUrl)))!.Status);

        await using var anonymous = await site.NewContextAsync();
        Assert.Equal(401, (await anonymous.APIRequest.GetAsync(site.TrustedUrl + "/reports")).Status);
    }

    [Fact]
    public async Task On_the_loopback_host_a_forged_principal_header_changes_nothing()
    {
        // The operator's host ignores the header: a forged clerk's principal neither narrows nor widens anything.
        var forged = Principal("伪造", "x@example.cn", "Clerk.edu");
        await using var context = await site.NewContextAsync(new Dictionary<string, string> { [ClientPrincipal.Header] = forged });
        var page = await context.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(site.PageOf("town-failed-html")))!.Status);
        Assert.DoesNotContain("伪造", await page.Locator(".who").TextContentAsync());
    }

    [Fact]
    public async Task The_emails_link_opens_the_reports_page()
    {
        var email = Directory.GetFiles(site.Outbox, "*.eml").Select(File.ReadAllText)
            .First(t => t.Contains("X-Report-Id: " + site.Reports["other-failed"].Id, StringComparison.Ordinal));
        var link = LinkPattern().Matches(MimeKit.MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(email))).TextBody ?? "").First().Value;
        Assert.StartsWith(site.LocalUrl, link.Replace("localhost", "127.0.0.1", StringComparison.Ordinal), StringComparison.Ordinal);

        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync(link))!.Status);
        Assert.Contains(site.Reports["other-failed"].Name, await page.Locator("main").TextContentAsync());
        Assert.Contains("外区人民政府", await page.Locator("h1").TextContentAsync());
    }

    [Fact]
    public async Task A_word_report_shows_its_tables_as_read_with_the_findings_cells_marked_instead_of_a_page()
    {
        await using var context = await site.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.PageOf("other-failed"));
        Assert.Equal(0, await page.Locator("#page-image").CountAsync());
        Assert.Equal(3, await page.Locator("table[data-table]").CountAsync());
        var first = site.Reports["other-failed"].Result.Findings.First(f => f.IsViolation && f.Cells.Count > 0);
        foreach (var cell in first.Cells)
        {
            Assert.Contains("hit", await page.Locator($"td[data-cell=\"{cell}\"]").GetAttributeAsync("class") ?? "");
        }
    }

    public static string Principal(string name, string email, params string[] roles) => new ClientPrincipal(
        "aad", "name", "roles",
        [new("name", name), new("preferred_username", email), .. roles.Select(r => new PrincipalClaim("roles", r))]).Encode();

    private static IFormData FormOf(IAPIRequestContext request, params (string Name, string Value)[] fields)
    {
        var form = request.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Set(name, value);
        }

        return form;
    }

    [GeneratedRegex(@"http://[^\s""<>]+/reports/[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
