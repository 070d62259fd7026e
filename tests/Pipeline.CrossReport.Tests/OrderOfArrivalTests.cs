using Microsoft.Extensions.Logging.Abstractions;
using Pipeline.Checking;
using Pipeline.Corpus.Generation;
using Pipeline.Corpus.Rendering;
using Pipeline.Intake;
using Pipeline.Model.Results;
using Pipeline.Notification;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.CrossReport.Tests;

/// <summary>
/// Through the real intake service, SQLite and the outbox: a 2023 report that passes alone is judged again when
/// the office's 2022 report arrives after it, gets a new version, and its supervisor one email when it fails.
/// </summary>
public sealed class OrderOfArrivalTests : IDisposable
{
    private readonly string _folder;
    private readonly SqliteStore _store;
    private readonly string _outbox;

    public OrderOfArrivalTests()
    {
        _store = Reports.TempStore(out _folder);
        _outbox = Path.Combine(_folder, "outbox");
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_late_previous_year_re_evaluates_the_next_and_emails_once_when_it_fails()
    {
        // The first generated 2023 report that carries applications over, and a 2022 one that carried forward another number.
        var later = Enumerable.Range(1, 200).Select(s => TruthFactory.Create(s, new TruthOptions(Year: 2023, Applications: true, Dated: true)))
            .First(t => t.Tables.Applications.Number("carriedOver", "total") > 0);
        var earlier = Enumerable.Range(1, 200).Select(s => TruthFactory.Create(1000 + s, new TruthOptions(Year: 2022, Applications: true, Dated: true)))
            .First(t => t.Tables.Applications.Number("carriedForward", "total") != later.Tables.Applications.Number("carriedOver", "total"));

        // The generator's own tables: 2022 carries forward a different total than 2023 says it carried over.
        Assert.NotEqual(earlier.Tables.Applications.Number("carriedForward", "total"), later.Tables.Applications.Number("carriedOver", "total"));
        await _store.UpsertOfficeAsync(new Office { Code = "town", Name = "某镇", Supervisors = ["supervisor@example.org"] });
        var intake = Intake();

        var first = await intake.TakeInAsync(Request("2023.txt", later));
        Assert.Equal(Verdict.Passed, first.Report.Verdict);
        Assert.False(Assert.Single(first.Report.Result.Findings, f => f.Rule == CarryOverRule.Id).Checked);
        Assert.Empty(Emails());

        var second = await intake.TakeInAsync(Request("2022.txt", earlier));
        Assert.Equal(Verdict.Passed, second.Report.Verdict);

        var reevaluated = await _store.GetReportAsync("town", first.Report.Id);
        Assert.NotNull(reevaluated);
        Assert.Equal(Verdict.Failed, reevaluated.Verdict);
        Assert.Equal(Verdict.Passed, reevaluated.Result.ReportVerdict);
        var past = Assert.Single(reevaluated.History);
        Assert.Equal(Verdict.Passed, past.Verdict);
        Assert.Contains(reevaluated.Result.Findings, f => f.Rule == CarryOverRule.Id && f.Checked && f.Message.Contains(second.Report.Id[..12], StringComparison.Ordinal));
        Assert.Contains(await _store.ListAttemptsAsync("town", first.Report.Id), a => a.Outcome == "reevaluated");
        var email = Assert.Single(Emails());
        Assert.Contains($"X-Report-Id: {first.Report.Id}", File.ReadAllText(email));

        // The same 2022 file delivered again changes nothing and sends nothing more.
        await intake.TakeInAsync(Request("2022.txt", earlier));
        Assert.Single(Emails());
        Assert.Single((await _store.GetReportAsync("town", first.Report.Id))!.History);
    }

    [Fact]
    public async Task A_late_previous_year_that_agrees_records_the_check_without_an_email()
    {
        var later = TruthFactory.Create(2023_16, new TruthOptions(Year: 2023, Applications: false, Dated: true));
        var earlier = TruthFactory.Create(2022_16, new TruthOptions(Year: 2022, Applications: false, Dated: true));
        Assert.Equal(0, earlier.Tables.Applications.Number("carriedForward", "total"));
        Assert.Equal(0, later.Tables.Applications.Number("carriedOver", "total"));
        var intake = Intake();

        var first = await intake.TakeInAsync(Request("2023.txt", later));
        await intake.TakeInAsync(Request("2022.txt", earlier));

        var reevaluated = (await _store.GetReportAsync("town", first.Report.Id))!;
        Assert.Equal(Verdict.Passed, reevaluated.Verdict);
        Assert.DoesNotContain(reevaluated.Result.Findings, f => f.Rule == CarryOverRule.Id);
        Assert.Single(reevaluated.History);
        Assert.Empty(Emails());
    }

    [Fact]
    public async Task A_near_copy_from_another_body_warns_both_copies_and_sends_no_email_for_the_warning()
    {
        // Body A's report is the seed with another town's name; body B then sends the seed itself (the 北郊 trace of seed 003).
        var seed = Reports.SeedText("003");
        var original = System.Text.Encoding.UTF8.GetBytes(seed.Replace("南郊镇", "北郊镇", StringComparison.Ordinal));
        var intake = Intake();

        var a = await intake.TakeInAsync(new IntakeRequest("beijiao", "2021.txt", "drop/beijiao/2021.txt", null, new MemoryStream(original)));
        Assert.DoesNotContain(a.Report.Result.Findings, f => f.Rule == DuplicateTextRule.Id && f.Checked);
        var emailsForA = EmailsFor(a.Report.Id);

        var b = await intake.TakeInAsync(new IntakeRequest("nanjiao", "2021.txt", "drop/nanjiao/2021.txt", null, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(seed))));
        var onB = Assert.Single(b.Report.Result.Findings, f => f.Rule == DuplicateTextRule.Id && f.Checked);
        Assert.Contains("北郊镇", onB.Message);

        var reevaluated = (await _store.GetReportAsync("beijiao", a.Report.Id))!;
        var onA = Assert.Single(reevaluated.Result.Findings, f => f.Rule == DuplicateTextRule.Id && f.Checked);
        Assert.Equal(Severity.Warning, onA.Severity);
        Assert.Contains("南郊镇", onA.Message);
        Assert.Contains(b.Report.Id[..12], onA.Message);
        Assert.Equal(a.Report.Verdict, reevaluated.Verdict);
        Assert.Equal(a.Report.Verdict, Assert.Single(reevaluated.History).Verdict);
        Assert.Contains(await _store.ListAttemptsAsync("beijiao", a.Report.Id), x => x.Outcome == "reevaluated");
        Assert.Equal(emailsForA, EmailsFor(a.Report.Id));
    }

    [Fact]
    public async Task A_third_copy_is_warned_of_both_earlier_ones_without_judging_them_again()
    {
        // Three towns filing one text with their own names: the first pair warns each other; the third names both, and
        // the two already warned are not judged again for it (thirty towns on one template would otherwise re-judge all).
        var seed = Reports.SeedText("003");
        byte[] Town(string name) => System.Text.Encoding.UTF8.GetBytes(seed.Replace("南郊镇", name, StringComparison.Ordinal));
        var intake = Intake();

        var a = await intake.TakeInAsync(new IntakeRequest("beijiao", "2021.txt", "drop/beijiao/2021.txt", null, new MemoryStream(Town("北郊镇"))));
        var b = await intake.TakeInAsync(new IntakeRequest("nanjiao", "2021.txt", "drop/nanjiao/2021.txt", null, new MemoryStream(Town("南郊镇"))));
        var c = await intake.TakeInAsync(new IntakeRequest("xijiao", "2021.txt", "drop/xijiao/2021.txt", null, new MemoryStream(Town("西郊镇"))));
        Assert.Empty(a.Report.Result.Copies!);
        Assert.Equal(["beijiao"], b.Report.Result.Copies!.Select(x => x.Office));

        var onC = c.Report.Result.Findings.Where(f => f.Rule == DuplicateTextRule.Id && f.Checked).ToList();
        Assert.Equal(2, onC.Count);
        Assert.Contains(onC, f => f.Message.Contains(a.Report.Id[..12], StringComparison.Ordinal));
        Assert.Contains(onC, f => f.Message.Contains(b.Report.Id[..12], StringComparison.Ordinal));
        Assert.Equal(["beijiao", "nanjiao"], c.Report.Result.Copies!.Select(x => x.Office).Order(StringComparer.Ordinal));
        Assert.All(c.Report.Result.Copies!, x => Assert.InRange(x.Share, 0.5, 1.0));

        var storedA = (await _store.GetReportAsync("beijiao", a.Report.Id))!;
        Assert.Equal(["nanjiao"], storedA.Result.Copies!.Select(x => x.Office));
        Assert.Single(await _store.ListAttemptsAsync("beijiao", a.Report.Id), x => x.Outcome == "reevaluated");
        Assert.DoesNotContain(await _store.ListAttemptsAsync("nanjiao", b.Report.Id), x => x.Outcome == "reevaluated");
        Assert.Single(storedA.History);
    }

    private IntakeService Intake()
    {
        var catalogue = RuleCatalogue.Default();
        var notifier = new SupervisorNotifier(_store, new OutboxMailSender(_outbox),
            new MailSettings("pipeline@example.org", "fallback@example.org", new Uri("http://127.0.0.1/")),
            SupervisorNotifier.CreateResilience(), TimeProvider.System, NullLogger<SupervisorNotifier>.Instance);
        return new IntakeService(ReaderSet.CreateChecker(catalogue), RulesVersion.Of(catalogue), _store,
            new ImmediateNotices(notifier, NullLogger<ImmediateNotices>.Instance), TimeProvider.System, NullLogger<IntakeService>.Instance,
            crossReport: new CrossReportRules(_store, _store, catalogue));
    }

    private static IntakeRequest Request(string name, Pipeline.Corpus.Truth.ReportTruth truth) =>
        new("town", name, $"drop/town/{name}", null, new MemoryStream(Renderings.Render(truth, RenderFormat.Tabs)));

    private int EmailsFor(string reportId) => Emails().Count(e => File.ReadAllText(e).Contains($"X-Report-Id: {reportId}", StringComparison.Ordinal));

    private string[] Emails() => Directory.Exists(_outbox) ? Directory.GetFiles(_outbox, "*.eml", SearchOption.AllDirectories) : [];
}
