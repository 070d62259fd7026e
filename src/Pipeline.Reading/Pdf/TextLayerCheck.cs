using Pipeline.Model.Text;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// Whether a PDF's text layer can be trusted. A scan has none; a PDF with broken CID font maps
/// has one full of private-use or wrong characters, which still are "Chinese" but never spell
/// the words every annual report uses.
/// </summary>
public static class TextLayerCheck
{
    private static readonly string[] ReportWords = ["政府信息公开", "申请", "公开", "年度", "情况"];

    public static TextLayerQuality Judge(IReadOnlyList<PdfWord> words)
    {
        var text = string.Concat(words.Select(w => w.Text));
        var han = text.Count(ChineseText.IsHan);
        if (han < 20)
        {
            return TextLayerQuality.Missing;
        }

        var broken = text.Count(c => c == '\uFFFD' || c is >= '\uE000' and <= '\uF8FF' || char.IsControl(c));
        if (broken > text.Length / 20)
        {
            return TextLayerQuality.Garbage;
        }

        var folded = ChineseText.Fold(text);
        return ReportWords.Count(w => folded.Contains(w, StringComparison.Ordinal)) >= 3 ? TextLayerQuality.Usable : TextLayerQuality.Garbage;
    }
}

public enum TextLayerQuality
{
    Usable,
    Missing,
    Garbage,
}
