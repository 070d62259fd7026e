using Pipeline.Intake;
using Pipeline.Model.Results;
using Pipeline.Rules.Catalogue;
using Pipeline.Storage;

namespace Pipeline.Cli.LoadTest;

/// <summary>The local pipeline as <c>watch</c> runs it: SQLite, notices sent at once to the outbox.</summary>
public sealed class LocalLoadSide : ILoadSide
{
    private readonly LocalPipeline _pipeline;
    private readonly LocalOptions _options;

    private LocalLoadSide(LocalPipeline pipeline, LocalOptions options)
    {
        _pipeline = pipeline;
        _options = options;
    }

    public static async Task<LocalLoadSide> CreateAsync(LocalOptions options, RuleCatalogue catalogue) =>
        new(await LocalPipeline.CreateAsync(options, catalogue), options);

    public async Task TakeInAsync(LoadInput input, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(input.Bytes, writable: false);
        await _pipeline.Intake.TakeInAsync(new IntakeRequest(input.Office, input.Name, input.Path, null, stream), cancellationToken);
    }

    public Task SettleAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<LoadTally> VerifyAsync(IReadOnlyList<LoadInput> inputs, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var expectedEmails = new HashSet<string>(StringComparer.Ordinal);
        var verdicts = new List<Verdict>();
        foreach (var input in inputs)
        {
            var records = await _pipeline.Store.ListReportsAsync(new ReportQuery(input.Office), cancellationToken);
            if (records.Count != 1)
            {
                problems.Add($"{input.Office}/{input.Name}：应有 1 条记录，实有 {records.Count} 条");
                continue;
            }

            verdicts.Add(records[0].Verdict);
            if (records[0].Verdict is Verdict.Failed or Verdict.Unreadable)
            {
                // Offices are not in the registry, so each notice goes to the one fallback address.
                expectedEmails.Add(new NoticeKey(input.Office, records[0].Id, _pipeline.Intake.RulesVersion).DeliveryId(_options.Fallback) + ".eml");
            }
        }

        var actual = Directory.Exists(_options.Outbox)
            ? Directory.EnumerateFiles(_options.Outbox, "*.eml").Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal)
            : [];
        problems.AddRange(expectedEmails.Except(actual).Select(f => $"缺少邮件 {f}"));
        problems.AddRange(actual.Except(expectedEmails).Select(f => $"多出邮件 {f}"));
        var stored = await _pipeline.Store.ListReportsAsync(new ReportQuery(), cancellationToken);
        return new LoadTally(stored.Count, verdicts.Count(v => v is Verdict.Failed or Verdict.Unreadable), actual.Count, Count(verdicts), problems);
    }

    public static IReadOnlyDictionary<string, int> Count(IEnumerable<Verdict> verdicts) =>
        verdicts.GroupBy(v => v).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count());

    public ValueTask DisposeAsync()
    {
        _pipeline.Dispose();
        return ValueTask.CompletedTask;
    }
}
