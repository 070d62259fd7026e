namespace Pipeline.Ocr;

/// <summary>
/// How wide a run of digits can be, as a share of the digits' height. A reading with too few characters
/// for its ink has lost some: serifed "11" whose feet touch is read as "1" by both models, sure of it,
/// and only the ink's width shows the second character.
/// </summary>
/// <remarks>
/// Measured over the four print styles, clean and degraded, at 150 to 300 dpi: a "1" is 0.40 to 0.49 of
/// its height, any other digit 0.56 to 0.71, and two digits together 1.18 to 1.39. The limits leave room
/// for blur, which widens ink and heightens it alike.
/// </remarks>
public static class DigitWidths
{
    private const double One = 0.6;
    private const double OtherDigit = 0.8;
    private const double Spacing = 0.15;

    /// <summary>Pixels the binarised edge of small type adds to a glyph's width, whatever its size.</summary>
    private const double EdgeAllowance = 2;

    /// <summary>
    /// Whether <paramref name="digits"/> could cover ink <paramref name="width"/> wide and
    /// <paramref name="height"/> high, in the scan's own pixels. Only a run of plain digits is judged; a sign, a point or a comma
    /// has no width to speak of, so such text always could.
    /// </summary>
    public static bool CouldSpan(string digits, double width, double height)
    {
        if (digits.Length == 0 || height <= 0 || !digits.All(char.IsAsciiDigit))
        {
            return true;
        }

        var widest = digits.Sum(d => d == '1' ? One : OtherDigit) + ((digits.Length - 1) * Spacing);
        return width - EdgeAllowance <= widest * height;
    }
}
