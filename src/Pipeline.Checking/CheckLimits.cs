using Pipeline.Reading.Pdf;

namespace Pipeline.Checking;

/// <summary>
/// Bounds on what one file may cost. Settable from configuration (the Functions app binds
/// <c>Check__TimeoutSeconds</c>), so every property has a public setter and a default.
/// </summary>
public sealed record CheckLimits
{
    public static CheckLimits Default { get; } = new();

    /// <summary>Larger files are refused as they stream in, before they are held.</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;

    /// <summary>The deadline for one document, whatever its kind: reading, OCR and rules together.</summary>
    public int TimeoutSeconds { get; init; } = 180;

    /// <summary>
    /// The host's memory budget for one document: the managed heap may grow this far above where it stood when the
    /// document began, or the document is stopped as unreadable. With documents checked side by side the heap is
    /// shared, so the budget is conservative there: it counts the neighbours' growth too.
    /// </summary>
    public int MaxDocumentMegabytes { get; init; } = 1024;

    /// <summary>The hard address-space limit of each poppler or qpdf process a document starts.</summary>
    public long ToolMemoryBytes { get; init; } = ExternalTool.DefaultMemoryBytes;

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(1, TimeoutSeconds));

    /// <summary>The PDF reader's share of these limits.</summary>
    public PdfLimits Pdf => PdfLimits.Default with { Timeout = Timeout, ToolMemoryBytes = ToolMemoryBytes };

    /// <summary>The environment variable a host may set to change <see cref="TimeoutSeconds"/> (the Functions app's setting name).</summary>
    public const string TimeoutVariable = "Check__TimeoutSeconds";

    /// <summary>The environment variable for <see cref="MaxDocumentMegabytes"/>.</summary>
    public const string MemoryVariable = "Check__MaxDocumentMegabytes";

    /// <summary>The defaults, with <see cref="TimeoutSeconds"/> and <see cref="MaxDocumentMegabytes"/> taken from their variables when they hold positive numbers.</summary>
    public static CheckLimits FromEnvironment() => Default with
    {
        TimeoutSeconds = Positive(TimeoutVariable) ?? Default.TimeoutSeconds,
        MaxDocumentMegabytes = Positive(MemoryVariable) ?? Default.MaxDocumentMegabytes,
    };

    private static int? Positive(string variable) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : null;
}
