namespace Pipeline.Ocr;

/// <summary>How a <see cref="CellRecognizer"/> reads.</summary>
/// <param name="Language">The Tesseract language for labels and numbers; chi_sim also has the digits and 减/增加.</param>
/// <param name="CheckLanguage">
/// A second model that reads each plain number again, or null for none: when the two agree the cell takes the
/// higher confidence, when they read different numbers it takes a low one.
/// </param>
/// <param name="Dpi">The scan resolution of the images passed in.</param>
public sealed record CellReadOptions(string Language = "chi_sim", string? CheckLanguage = "eng", int Dpi = 300)
{
    public static CellReadOptions Default { get; } = new();
}
