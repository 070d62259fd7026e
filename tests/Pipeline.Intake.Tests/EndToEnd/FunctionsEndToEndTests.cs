using Pipeline.Intake.Tests.Services;
using Pipeline.Model.Results;
using Pipeline.Notification;
using Pipeline.Storage;

namespace Pipeline.Intake.Tests.EndToEnd;

/// <summary>The function classes, composed as in Azure, against Azurite, cosmosdb-server and maildev.</summary>
[Collection(LocalServicesCollection.Name)]
public sealed class FunctionsEndToEndTests(LocalServices services)
{
    private const string Failing = "failing-2021-tabs.txt";

    [Fact]
    public async Task A_failing_report_gives_one_record_one_message_and_one_email_with_its_rules_and_numbers()
    {
        await using var app = new FunctionsApp(services);
        var office = FunctionsApp.UniqueOffice("fq");
        await app.RegisterAsync(office);
        var blob = await app.DropAsync(office, Failing, await File.ReadAllBytesAsync(Repository.Sample(Failing)));

        await app.TakeInAsync(blob);

        var report = Assert.Single(await app.Store.ListReportsAsync(new ReportQuery(office)));
        Assert.Equal(Verdict.Failed, report.Verdict);
        Assert.Equal($"drop/{office}/{Failing}", report.Path);
        Assert.NotNull(report.BlobETag);
        var message = FailureNotice.Parse(Assert.Single(await app.QueuedAsync(office)).MessageText);
        Assert.Equal((report.Id, office, 2021, Verdict.Failed, report.RulesVersion, report.Path), (message.ReportId, message.Office, message.Year, message.Verdict, message.RulesVersion, message.BlobPath));
        Assert.Equal(["T3-BALANCE"], message.Findings.Rules);
        Assert.Equal(2, message.Findings.Errors);
        Assert.Empty(await app.EmailsForAsync(report));

        await app.DrainAsync(office);

        var email = Assert.Single(await app.EmailsForAsync(report));
        Assert.Equal([FunctionsApp.Supervisor(office)], email.To);
        Assert.Contains("未通过", email.Subject);
        Assert.Contains("凤桥街道办事处", email.Subject);
        Assert.Contains("年度：2021年", email.Text);
        Assert.Contains("T3-BALANCE", email.Text);
        Assert.Contains("TXT-APPLICATIONS", email.Text);
        // The numbers, from the generator's truth: 本年新收 + 上年结转 against 办理结果总计 + 结转下年度, total column.
        var truth = SampleTruth.Of(Failing);
        var expected = truth.Cell("applications", "newReceived", "total") + truth.Cell("applications", "carriedOver", "total");
        var actual = truth.Cell("applications", "resultTotal", "total") + truth.Cell("applications", "carriedForward", "total");
        Assert.Contains($"应为：{expected}，实际：{actual}", email.Text);
        Assert.Contains("applications.carriedOver.total", email.Text);
        var link = $"https://reports.example.org/reports/{office}/{report.Id}";
        Assert.Contains(link, email.Text);
        Assert.Contains($"href=\"{link}\"", email.Html);
        Assert.Contains($"应为：{expected}，实际：{actual}", email.Html);
        Assert.True(await app.Store.IsDoneAsync(message.Key));
        Assert.DoesNotContain(await app.Store.ListPendingAsync(), p => p.Key.Office == office);
    }

    [Fact]
    public async Task A_passing_report_gives_a_record_and_no_message_or_email()
    {
        await using var app = new FunctionsApp(services);
        var office = FunctionsApp.UniqueOffice("pass");
        await app.RegisterAsync(office);
        var blob = await app.DropAsync(office, "passing-2021.docx", await File.ReadAllBytesAsync(Repository.Sample("passing-2021.docx")));

        await app.TakeInAsync(blob);

        var report = Assert.Single(await app.Store.ListReportsAsync(new ReportQuery(office)));
        Assert.Equal(Verdict.Passed, report.Verdict);
        Assert.Single(await app.Store.ListAttemptsAsync(office, report.Id));
        Assert.Empty(await app.QueuedAsync(office));
        Assert.Empty(await app.EmailsForAsync(report));
    }

    [Fact]
    public async Task The_same_blob_delivered_twice_in_turn_and_four_times_at_once_gives_one_record_and_one_email_each()
    {
        await using var app = new FunctionsApp(services);
        var office = FunctionsApp.UniqueOffice("dup");
        await app.RegisterAsync(office);
        var bytes = await File.ReadAllBytesAsync(Repository.Sample(Failing));
        var first = await app.DropAsync(office, "a.txt", bytes);
        await app.TakeInAsync(first);
        await app.TakeInAsync(first);
        await app.DrainAsync(office);
        await app.TakeInAsync(first); // a late redelivery after the email went out

        var other = await app.DropAsync(office, "b.html", await File.ReadAllBytesAsync(Repository.Sample("failing-2021.html")));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => app.TakeInAsync(other))));
        await app.DrainAsync(office);

        var reports = await app.Store.ListReportsAsync(new ReportQuery(office));
        Assert.Equal(2, reports.Count);
        var sequential = reports.Single(r => r.Name == "a.txt");
        var concurrent = reports.Single(r => r.Name == "b.html");
        Assert.Equal(["stored", "duplicate", "duplicate"], (await app.Store.ListAttemptsAsync(office, sequential.Id)).Select(a => a.Outcome));
        var attempts = await app.Store.ListAttemptsAsync(office, concurrent.Id);
        Assert.Equal(4, attempts.Count);
        Assert.Single(attempts, a => a.Outcome == "stored");
        Assert.Single(await app.EmailsForAsync(sequential));
        Assert.Single(await app.EmailsForAsync(concurrent));
    }

    [Fact]
    public async Task An_unreadable_file_gives_a_record_with_its_reason_and_an_email_stating_it()
    {
        await using var app = new FunctionsApp(services);
        var office = FunctionsApp.UniqueOffice("bad");
        await app.RegisterAsync(office);
        byte[] png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. new byte[200]];
        var blob = await app.DropAsync(office, "scan.pdf", png);

        await app.TakeInAsync(blob);
        await app.DrainAsync(office);

        var report = Assert.Single(await app.Store.ListReportsAsync(new ReportQuery(office)));
        Assert.Equal(Verdict.Unreadable, report.Verdict);
        Assert.False(string.IsNullOrWhiteSpace(report.Result.Reason));
        var email = Assert.Single(await app.EmailsForAsync(report));
        Assert.Contains("无法读取", email.Subject);
        Assert.Contains($"原因：{report.Result.Reason}", email.Text);
    }

    [Fact]
    public async Task A_report_from_an_office_not_in_the_registry_is_kept_and_its_email_goes_to_the_fallback_address()
    {
        await using var app = new FunctionsApp(services);
        var office = FunctionsApp.UniqueOffice("unknown");
        var blob = await app.DropAsync(office, Failing, await File.ReadAllBytesAsync(Repository.Sample(Failing)));

        await app.TakeInAsync(blob);
        await app.DrainAsync(office);

        var report = Assert.Single(await app.Store.ListReportsAsync(new ReportQuery(office)));
        Assert.Equal(Verdict.Failed, report.Verdict);
        var email = Assert.Single(await app.EmailsForAsync(report));
        Assert.Equal([app.Fallback], email.To);
        Assert.Contains("未登记", email.Text);
    }

    [Fact]
    public async Task A_new_version_of_a_file_is_a_new_report_linked_to_the_one_before()
    {
        await using var app = new FunctionsApp(services);
        var office = FunctionsApp.UniqueOffice("ver");
        await app.RegisterAsync(office);
        await app.TakeInAsync(await app.DropAsync(office, "年报.txt", await File.ReadAllBytesAsync(Repository.Sample(Failing))));
        await app.TakeInAsync(await app.DropAsync(office, "年报.txt", await File.ReadAllBytesAsync(Repository.Sample("passing-2021-tabs.txt"))));

        var reports = await app.Store.ListReportsAsync(new ReportQuery(office));
        Assert.Equal(2, reports.Count);
        var failed = reports.Single(r => r.Verdict == Verdict.Failed);
        var passed = reports.Single(r => r.Verdict == Verdict.Passed);
        Assert.Null(failed.PreviousId);
        Assert.Equal(failed.Id, passed.PreviousId);
    }
}
