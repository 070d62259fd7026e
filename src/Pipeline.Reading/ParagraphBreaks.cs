using System.Text.RegularExpressions;

namespace Pipeline.Reading;

/// <summary>
/// Splits the lines of one flow of running text into paragraphs by their geometry, for text that comes as lines
/// (a PDF's text layer, OCR): a line indented past the body's left edge starts one (Chinese paragraphs indent
/// their first line; a centred title and a right-aligned signature or date stand further in still), and so does
/// the line after one that stops short of the right edge (a paragraph's last line, a title). Where the lines'
/// text is given it settles what geometry alone cannot: a numbered heading (二、 （三） 4.) after a line that
/// ended a sentence starts a paragraph even at the margin, and a line that stops a character or two short
/// without ending its sentence (a number or 。 kept with the word before it: "办理16" / "件。") runs on.
/// </summary>
public static partial class ParagraphBreaks
{
    /// <summary>How far short of the right edge a line may stop, in characters, and still run on when it ends mid-sentence.</summary>
    private const double WrapSlack = 4;

    /// <param name="lines">The lines, top to bottom.</param>
    /// <param name="left">A line's left edge.</param>
    /// <param name="right">A line's right edge.</param>
    /// <param name="glyph">The width of one character in the line.</param>
    /// <param name="text">A line's text, when known.</param>
    /// <param name="margins">The body's left and right edges on the page, when the caller knows them better than this flow does (a flow of one indented line has no margin of its own).</param>
    public static IEnumerable<List<T>> Split<T>(
        IReadOnlyList<T> lines,
        Func<T, double> left,
        Func<T, double> right,
        Func<T, double> glyph,
        Func<T, string>? text = null,
        (double Left, double Right)? margins = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            yield break;
        }

        var flowLeft = Math.Min(lines.Min(left), margins?.Left ?? double.MaxValue);
        var flowRight = Math.Max(lines.Max(right), margins?.Right ?? double.MinValue);
        var current = new List<T>();
        T? previous = default;
        foreach (var line in lines)
        {
            if (current.Count > 0 && StartsParagraph(line, previous!))
            {
                yield return current;
                current = [];
            }

            current.Add(line);
            previous = line;
        }

        yield return current;

        bool StartsParagraph(T line, T before)
        {
            var width = glyph(line);
            if (left(line) > flowLeft + width)
            {
                return true;
            }

            var shortfall = flowRight - right(before);
            if (text is null)
            {
                return shortfall > 2 * width;
            }

            var (said, saidBefore) = (text(line).Trim(), text(before).Trim());
            var endsSentence = saidBefore.Length > 0 && SentenceEnd().IsMatch(saidBefore);
            if (endsSentence && NumberedHeading().IsMatch(said))
            {
                return true;
            }

            var wrapped = !endsSentence && !NumberedHeading().IsMatch(saidBefore) && shortfall <= WrapSlack * glyph(before);
            return shortfall > 2 * width && !wrapped;
        }
    }

    [GeneratedRegex(@"[。！？；：!?;:]$")]
    private static partial Regex SentenceEnd();

    /// <summary>二、 （三） (3) 4. 4、 at the start of a line.</summary>
    [GeneratedRegex(@"^([一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．](?!\d))")]
    private static partial Regex NumberedHeading();
}
