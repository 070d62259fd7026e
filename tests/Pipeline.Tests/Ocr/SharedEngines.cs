using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

/// <summary>One engine pool for the OCR tests, so that chi_sim is loaded once rather than per test.</summary>
public sealed class SharedEngines : IDisposable
{
    public EnginePool Pool { get; } = new();

    public CellRecognizer Cells => new(Pool);

    public void Dispose() => Pool.Dispose();
}

[CollectionDefinition(Name)]
public sealed class OcrCollection : ICollectionFixture<SharedEngines>
{
    public const string Name = "OCR";
}
