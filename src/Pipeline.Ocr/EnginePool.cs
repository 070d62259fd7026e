using System.Collections.Concurrent;

namespace Pipeline.Ocr;

/// <summary>
/// Idle engines by language. A thread rents one for as long as it reads, hands it back, and the next reader
/// reuses it: a language is loaded once per concurrent reader, never per cell, and no process is started.
/// Disposing the pool disposes every engine it made; one handed back afterwards is already disposed.
/// </summary>
public sealed class EnginePool : IDisposable
{
    private readonly string? tessdataPath;
    private readonly ConcurrentDictionary<string, ConcurrentBag<TesseractEngine>> idle = new(StringComparer.Ordinal);
    private readonly List<TesseractEngine> created = [];
    private readonly Lock gate = new();
    private bool disposed;

    /// <param name="tessdataPath">The language data folder, or null for <see cref="Tessdata.Locate"/>.</param>
    public EnginePool(string? tessdataPath = null)
    {
        this.tessdataPath = tessdataPath;
    }

    /// <summary>How many engines the pool has made: per language, the most readers it has had at once.</summary>
    public int CreatedCount
    {
        get
        {
            lock (gate)
            {
                return created.Count;
            }
        }
    }

    /// <summary>An engine for <paramref name="language"/> for the caller alone until the lease is disposed.</summary>
    /// <exception cref="OcrUnavailableException">Tesseract or the language data is missing.</exception>
    public EngineLease Rent(string language)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
        }

        if (idle.GetOrAdd(language, _ => []).TryTake(out var engine))
        {
            return new EngineLease(this, language, engine);
        }

        // Loading a language takes a while; other threads go on renting meanwhile.
        engine = new TesseractEngine(language, tessdataPath);
        lock (gate)
        {
            if (disposed)
            {
                engine.Dispose();
                throw new ObjectDisposedException(nameof(EnginePool));
            }

            created.Add(engine);
        }

        return new EngineLease(this, language, engine);
    }

    /// <summary>Runs <paramref name="work"/> with an engine of <paramref name="language"/> and hands the engine back.</summary>
    public T Use<T>(string language, Func<TesseractEngine, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return StepTimes.Time(ReadingStep.Tesseract, () =>
        {
            using var lease = Rent(language);
            return work(lease.Engine);
        });
    }

    public void Dispose()
    {
        TesseractEngine[] engines;
        lock (gate)
        {
            if (disposed)
            {
                return;
            }

            disposed = true;
            engines = [.. created];
        }

        foreach (var engine in engines)
        {
            engine.Dispose();
        }

        idle.Clear();
    }

    internal void Return(string language, TesseractEngine engine)
    {
        lock (gate)
        {
            if (!disposed)
            {
                idle.GetOrAdd(language, _ => []).Add(engine);
            }
        }
    }
}
