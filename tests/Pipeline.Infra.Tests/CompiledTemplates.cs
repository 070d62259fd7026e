using System.Text.Json.Nodes;

namespace Pipeline.Infra.Tests;

/// <summary>The templates as they are, compiled once for all tests: ARM JSON and one evaluation per parameter file.</summary>
public sealed class CompiledTemplates : IDisposable
{
    private readonly InfraCopy _copy;

    public CompiledTemplates()
    {
        Bicep = BicepCompiler.Restored();
        _copy = InfraCopy.Of(Bicep);
        var main = Task.Run(() => _copy.Build("main.bicep"));
        var subscription = Task.Run(() => _copy.Build("modules/event-grid-subscription.bicep"));
        var snapshots = InfraCopy.Environments.Keys.ToDictionary(e => e, e => Task.Run(() => _copy.Evaluate(e)));
        Main = main.Result;
        Subscription = subscription.Result;
        Snapshots = snapshots.ToDictionary(p => p.Key, p => p.Value.Result);
    }

    public BicepCompiler Bicep { get; }

    public JsonObject Main { get; }

    public JsonObject Subscription { get; }

    public IReadOnlyDictionary<string, Snapshot> Snapshots { get; }

    public void Dispose() => _copy.Dispose();
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplatesCollection : ICollectionFixture<CompiledTemplates>
{
    public const string Name = "compiled templates";
}
