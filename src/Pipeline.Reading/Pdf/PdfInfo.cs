using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Reading.Pdf;

/// <summary>What poppler's pdfinfo says of a PDF: page count, page sizes, their rotations (/Rotate, in degrees) and encryption.</summary>
public sealed partial record PdfInfo(int Pages, IReadOnlyList<(double Width, double Height)> PageSizes, bool Encrypted)
{
    /// <summary>Each listed page's rotation; empty when pdfinfo was not asked for pages.</summary>
    public IReadOnlyList<int> PageRotations { get; init; } = [];

    public static PdfInfo Parse(string text)
    {
        var pages = PagesLine().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var sizes = PageSize().Matches(text)
            .Select(s => (double.Parse(s.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(s.Groups[2].Value, CultureInfo.InvariantCulture)))
            .ToList();
        if (sizes.Count == 0 && SingleSize().Match(text) is { Success: true } single)
        {
            sizes.Add((double.Parse(single.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(single.Groups[2].Value, CultureInfo.InvariantCulture)));
        }

        var rotations = PageRotation().Matches(text).Select(r => int.Parse(r.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        return new PdfInfo(pages, sizes, EncryptedLine().IsMatch(text)) { PageRotations = rotations };
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex PageSize();

    [GeneratedRegex(@"^Page\s+\d+\s+rot:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PageRotation();

    [GeneratedRegex(@"^Page size:\s+([\d.]+) x ([\d.]+)", RegexOptions.Multiline)]
    private static partial Regex SingleSize();

    [GeneratedRegex(@"^Encrypted:\s+yes", RegexOptions.Multiline)]
    private static partial Regex EncryptedLine();
}
