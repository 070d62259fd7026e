using System.Globalization;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// A run of text from the PDF's text layer with its box in points, as pdftotext -tsv gives it;
/// <see cref="Flow"/> and <see cref="Line"/> group the runs of one paragraph and one line.
/// </summary>
public sealed record PdfWord(int Page, int Flow, int Line, double Left, double Top, double Width, double Height, string Text)
{
    public double CenterX => Left + (Width / 2);

    public double CenterY => Top + (Height / 2);

    /// <summary>The level-5 (word) rows of pdftotext -tsv output.</summary>
    public static IReadOnlyList<PdfWord> ParseTsv(string tsv)
    {
        var words = new List<PdfWord>();
        foreach (var line in tsv.Split('\n'))
        {
            var f = line.Split('\t');
            if (f.Length < 12 || f[0] != "5" || f[11].Length == 0)
            {
                continue;
            }

            words.Add(new PdfWord(
                int.Parse(f[1], CultureInfo.InvariantCulture),
                int.Parse(f[2], CultureInfo.InvariantCulture) * 1000 + int.Parse(f[3], CultureInfo.InvariantCulture),
                int.Parse(f[4], CultureInfo.InvariantCulture),
                double.Parse(f[6], CultureInfo.InvariantCulture),
                double.Parse(f[7], CultureInfo.InvariantCulture),
                double.Parse(f[8], CultureInfo.InvariantCulture),
                double.Parse(f[9], CultureInfo.InvariantCulture),
                f[11].TrimEnd('\r')));
        }

        return words;
    }
}
