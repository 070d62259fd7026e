namespace Pipeline.Ocr;

/// <summary>An engine rented from an <see cref="EnginePool"/>; disposing the lease hands the engine back.</summary>
public sealed class EngineLease : IDisposable
{
    private readonly EnginePool pool;
    private readonly string language;
    private TesseractEngine? engine;

    internal EngineLease(EnginePool pool, string language, TesseractEngine engine)
    {
        this.pool = pool;
        this.language = language;
        this.engine = engine;
    }

    /// <summary>The rented engine, for this lease's holder only.</summary>
    public TesseractEngine Engine => engine ?? throw new ObjectDisposedException(nameof(EngineLease));

    public void Dispose()
    {
        var returned = Interlocked.Exchange(ref engine, null);
        if (returned is not null)
        {
            pool.Return(language, returned);
        }
    }
}
