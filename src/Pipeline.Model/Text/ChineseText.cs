using System.Globalization;
using System.Text;

namespace Pipeline.Model.Text;

/// <summary>
/// Text normalisation shared by every stage, so that a label compares the same whether it
/// came from a text file, a web page or OCR: full-width forms folded (NFKC), white space
/// removed, quotes and brackets unified.
/// </summary>
public static class ChineseText
{
    /// <summary>NFKC, no white space, one kind of quote: the form labels are compared in.</summary>
    public static string Fold(string text)
    {
        var nfkc = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(nfkc.Length);
        foreach (var c in nfkc)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff')
            {
                continue;
            }

            sb.Append(c switch
            {
                '“' or '”' or '"' or '‘' or '’' or '\'' or '「' or '」' => '"',
                '〔' or '［' or '[' or '【' => '[',
                '〕' or '］' or ']' or '】' => ']',
                _ => c,
            });
        }

        return sb.ToString();
    }

    /// <summary>Collapses runs of white space to one space and trims; keeps the text readable.</summary>
    public static string Tidy(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u200b' || c == '\ufeff')
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Similarity in [0, 1] from the edit distance of the two folded strings.</summary>
    public static double Similarity(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0)
        {
            return 1;
        }

        var distance = EditDistance(a, b);
        return 1.0 - ((double)distance / Math.Max(a.Length, b.Length));
    }

    public static int EditDistance(string a, string b)
    {
        if (a.Length < b.Length)
        {
            (a, b) = (b, a);
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    public static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>True when the text holds at least one Chinese character.</summary>
    public static bool HasHan(string text) => text.Any(IsHan);

    /// <summary>Reads a Chinese numeral such as 十二 or 三 (0–99); null otherwise.</summary>
    public static int? ParseChineseNumeral(string text)
    {
        const string digits = "零一二三四五六七八九";
        if (text.Length == 0)
        {
            return null;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return int.Parse(text, CultureInfo.InvariantCulture);
        }

        var ten = text.IndexOf('十');
        if (ten < 0)
        {
            return text.Length == 1 && digits.Contains(text[0]) ? digits.IndexOf(text[0]) : null;
        }

        var tens = ten == 0 ? 1 : digits.IndexOf(text[0]);
        var units = ten == text.Length - 1 ? 0 : digits.IndexOf(text[ten + 1]);
        return tens < 0 || units < 0 || text.Length > ten + 2 ? null : (tens * 10) + units;
    }
}
