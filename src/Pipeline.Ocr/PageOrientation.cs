namespace Pipeline.Ocr;

/// <summary>
/// How a page lies: <see cref="Degrees"/> (0, 90, 180 or 270) is how far the page has been turned clockwise, so
/// turning it back counter-clockwise by as much (Pipeline.Imaging's Rotation.Rotate(page, Degrees)) makes it upright. <see cref="Confidence"/> is Tesseract's own
/// orientation margin, not bounded by 1: the gap between the best and the next orientation, where Tesseract itself
/// trusts values from about 2 upwards. <see cref="Script"/> is the OSD model's script name; Chinese pages often
/// come out as "Japanese", whose characters the model cannot tell from Han.
/// </summary>
public sealed record PageOrientation(int Degrees, double Confidence, string Script, double ScriptConfidence)
{
    /// <summary>The margin below which the orientation should not be acted on.</summary>
    public const double ReliableMargin = 2.0;

    /// <summary>Whether the margin is large enough to rotate the page on.</summary>
    public bool IsReliable => Confidence >= ReliableMargin;
}
