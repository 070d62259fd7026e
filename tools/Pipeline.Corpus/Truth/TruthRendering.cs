using System.Text.Json.Serialization;

namespace Pipeline.Corpus.Truth;

/// <summary>
/// How a PDF rendering of a truth was made, written into the truth file beside it so that a
/// benchmark can group by kind and a failure can be traced to its parameters. Kinds:
/// <c>pdf-text</c> (Chromium print), <c>scan-clean</c> (300 dpi grey), <c>scan-degraded</c>.
/// Unused fields are left out of the JSON.
/// </summary>
public sealed record TruthRendering
{
    public const string PdfText = "pdf-text";
    public const string ScanClean = "scan-clean";
    public const string ScanDegraded = "scan-degraded";

    public required string Kind { get; init; }

    /// <summary>The print style of the text PDF the scan was made from (Pdf/PrintStyle).</summary>
    public required string Style { get; init; }

    /// <summary>The pages table 三's numbers are printed on; two when it is split.</summary>
    public IReadOnlyList<int> TableThreePages { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Dpi { get; init; }

    /// <summary>Degrees the page images were turned, clockwise positive (ImageMagick's -rotate).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? RotationDegrees { get; init; }

    /// <summary>ImageMagick's -attenuate for Gaussian noise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Noise { get; init; }

    /// <summary>Sigma of the Gaussian blur, in pixels at the scan's dpi.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Blur { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? JpegQuality { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TruthSeal? Seal { get; init; }

    /// <summary>1-based pages scanned upside down.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<int>? UpsideDownPages { get; init; }
}
