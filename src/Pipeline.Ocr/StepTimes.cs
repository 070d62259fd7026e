using System.Diagnostics;

namespace Pipeline.Ocr;

/// <summary>The steps of reading a scan whose time the bench reports, to show what dominates.</summary>
public enum ReadingStep
{
    /// <summary>Rendering, seal removal, deskew, binarisation and grid finding.</summary>
    Imaging,

    /// <summary>PP-OCR's text detection model.</summary>
    Detection,

    /// <summary>PP-OCR's recognition and angle models.</summary>
    Recognition,

    /// <summary>Every Tesseract call: the check model, fallbacks and orientation.</summary>
    Tesseract,
}

/// <summary>
/// Time spent in each <see cref="ReadingStep"/> by every thread of the process, summed. Counters only, so the
/// cost of keeping them is two clock reads a call; the bench reads them before and after each file.
/// </summary>
public static class StepTimes
{
    private static readonly long[] Ticks = new long[Enum.GetValues<ReadingStep>().Length];

    public static T Time<T>(ReadingStep step, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var start = Stopwatch.GetTimestamp();
        try
        {
            return work();
        }
        finally
        {
            Interlocked.Add(ref Ticks[(int)step], Stopwatch.GetTimestamp() - start);
        }
    }

    /// <summary>Seconds so far in each step, summed over threads.</summary>
    public static IReadOnlyDictionary<ReadingStep, double> Snapshot() =>
        Enum.GetValues<ReadingStep>().ToDictionary(s => s, s => (double)Interlocked.Read(ref Ticks[(int)s]) / Stopwatch.Frequency);
}
