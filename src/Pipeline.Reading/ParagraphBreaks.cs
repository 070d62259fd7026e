namespace Pipeline.Reading;

/// <summary>
/// Splits the lines of one flow of running text into paragraphs by their geometry, for text that comes as lines
/// (a PDF's text layer, OCR): a line indented past the flow's left edge starts one (Chinese paragraphs indent
/// their first line; a centred title and a right-aligned signature or date stand further in still), and so does
/// the line after one that stops short of the right edge (a paragraph's last line, a title).
/// </summary>
public static class ParagraphBreaks
{
    /// <param name="lines">The lines, top to bottom.</param>
    /// <param name="left">A line's left edge.</param>
    /// <param name="right">A line's right edge.</param>
    /// <param name="glyph">The width of one character in the line.</param>
    public static IEnumerable<List<T>> Split<T>(IReadOnlyList<T> lines, Func<T, double> left, Func<T, double> right, Func<T, double> glyph)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            yield break;
        }

        var flowLeft = lines.Min(left);
        var flowRight = lines.Max(right);
        var current = new List<T>();
        T? previous = default;
        foreach (var line in lines)
        {
            var width = glyph(line);
            var indented = left(line) > flowLeft + width;
            var shortBefore = current.Count > 0 && right(previous!) < flowRight - (2 * width);
            if (current.Count > 0 && (indented || shortBefore))
            {
                yield return current;
                current = [];
            }

            current.Add(line);
            previous = line;
        }

        yield return current;
    }
}
