using System.Text.RegularExpressions;
using Pipeline.Model.Text;

namespace Pipeline.Model.Schema;

/// <summary>
/// Recognises the six section headings however they are printed: 、 . ．, full- or half-width
/// brackets, stray spaces, a missing numeral, or text run on after the title.
/// </summary>
public static partial class SectionHeadings
{
    /// <summary>The section a line heads, or null. Table rows such as 四、结转下年度继续办理 do not match.</summary>
    public static SectionDefinition? Match(string line)
    {
        var folded = ChineseText.Fold(line);
        if (folded.Length is < 4 or > 40)
        {
            return null;
        }

        var numeral = LeadingNumeral().Match(folded);
        var rest = numeral.Success ? folded[numeral.Length..] : folded;
        SectionDefinition? best = null;
        var bestScore = 0.0;
        var numbered = false;
        foreach (var section in SectionSchema.Sections)
        {
            var title = ChineseText.Fold(section.Title);
            var score = rest.StartsWith(title, StringComparison.Ordinal) || (rest.Length <= title.Length + 2 && rest.Contains(title, StringComparison.Ordinal))
                ? 1.0
                : ChineseText.Similarity(rest.Length > title.Length + 2 ? rest[..(title.Length + 2)] : rest, title);
            if (numeral.Success && numeral.Groups[1].Value != section.Numeral)
            {
                score -= 0.15;
            }

            if (score > bestScore)
            {
                (best, bestScore, numbered) = (section, score, numeral.Success && numeral.Groups[1].Value == section.Numeral);
            }
        }

        // Run-on text after the title is allowed only where the title is complete. Under its own numeral a
        // short title may have one character misread, as a scan does (一、息体情况 for 一、总体情况).
        return bestScore >= 0.8 || (numbered && bestScore >= 0.75) ? best : null;
    }

    [GeneratedRegex(@"^([一二三四五六])[、.,:]?")]
    private static partial Regex LeadingNumeral();
}
