using Pipeline.Intake;
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
        var records = await LoadRecords.ReadAsync(_pipeline.Store, inputs, cancellationToken);
        // Offices are not in the registry, so each notice goes to the one fallback address.
        var expected = records.Failing
            .Select(f => new NoticeKey(f.Input.Office, f.Key.Id, _pipeline.Intake.RulesVersion).DeliveryId(_options.Fallback) + ".eml")
            .ToHashSet(StringComparer.Ordinal);
        var actual = Directory.Exists(_options.Outbox)
            ? Directory.EnumerateFiles(_options.Outbox, "*.eml").Select(f => Path.GetFileName(f)).ToHashSet(StringComparer.Ordinal)
            : [];
        return records.Tally(actual.Count, expected.Except(actual).Select(f => $"缺少邮件 {f}").Concat(actual.Except(expected).Select(f => $"多出邮件 {f}")));
    }

    public ValueTask DisposeAsync()
    {
        _pipeline.Dispose();
        return ValueTask.CompletedTask;
    }
}
