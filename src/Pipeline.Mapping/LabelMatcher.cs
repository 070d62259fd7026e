using Pipeline.Model.Text;

namespace Pipeline.Mapping;

/// <summary>
/// How well a cell's text names a template label, in [0, 1]. Tolerates OCR noise, stray
/// punctuation and labels run together with their parent heading.
/// </summary>
public static class LabelMatcher
{
    public static double Score(string foldedCell, IEnumerable<string> labels) =>
        labels.Select(l => Score(foldedCell, ChineseText.Fold(l))).DefaultIfEmpty(0).Max();

    public static double Score(string foldedCell, string foldedLabel)
    {
        if (foldedCell.Length == 0 || foldedLabel.Length == 0)
        {
            return 0;
        }

        if (foldedCell == foldedLabel)
        {
            return 1;
        }

        var similarity = ChineseText.Similarity(foldedCell, foldedLabel);

        // A cell holding the whole label plus a parent heading, e.g. 三、本年度办理结果（一）予以公开.
        if (foldedLabel.Length >= 4 && foldedCell.EndsWith(foldedLabel, StringComparison.Ordinal))
        {
            similarity = Math.Max(similarity, 0.9);
        }

        // The official text, shortened: 部分公开 for the long 部分公开（区分处理的…）.
        if (foldedCell.Length >= 4 && foldedLabel.StartsWith(foldedCell, StringComparison.Ordinal))
        {
            similarity = Math.Max(similarity, 0.85);
        }

        return similarity;
    }
}
