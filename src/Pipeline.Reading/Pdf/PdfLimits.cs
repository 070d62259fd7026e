namespace Pipeline.Reading.Pdf;

/// <summary>What one PDF may cost: pages, page size (a PDF bomb declares huge pages) and time.</summary>
public sealed record PdfLimits(int MaxPages = 60, double MaxPagePoints = 5000, TimeSpan? Timeout = null)
{
    public static PdfLimits Default { get; } = new();

    public TimeSpan DocumentTimeout => Timeout ?? TimeSpan.FromMinutes(3);
}
