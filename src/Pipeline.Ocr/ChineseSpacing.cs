using System.Text;

namespace Pipeline.Ocr;

/// <summary>
/// Tesseract's chi_sim model writes a space between Chinese characters ("自 然 人") and around numbers
/// ("2021 年"). Chinese text has no such spaces, so a run of spaces goes when a Chinese character or Chinese
/// punctuation stands on either side of it; spaces between Latin words and numbers stay. Line breaks stay.
/// </summary>
public static class ChineseSpacing
{
    public static string Remove(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (!IsGap(text[i]))
            {
                result.Append(text[i]);
                i++;
                continue;
            }

            var end = i;
            while (end < text.Length && IsGap(text[end]))
            {
                end++;
            }

            var atEdge = i == 0 || end == text.Length || text[i - 1] == '\n' || text[end] == '\n';
            var chinese = !atEdge && (IsChinese(text, i - 1) || IsChinese(text, end));
            if (!atEdge && !chinese)
            {
                // Latin words and numbers keep one space, as Tesseract wrote it.
                result.Append(text, i, end - i);
            }

            i = end;
        }

        return result.ToString();
    }

    /// <summary>A horizontal space Tesseract may emit, including the ideographic space U+3000.</summary>
    private static bool IsGap(char c) => c is ' ' or '\t' or '\u00A0' or '\u3000';

    private static bool IsChinese(string text, int index)
    {
        var c = text[index];

        // A low surrogate belongs to the character that starts one position earlier.
        if (char.IsLowSurrogate(c) && index > 0)
        {
            index--;
        }

        var code = CodePointAt(text, index);
        return code is
            (>= 0x4E00 and <= 0x9FFF) // CJK Unified Ideographs
            or (>= 0x3400 and <= 0x4DBF) // Extension A
            or (>= 0x20000 and <= 0x3FFFF) // Extensions B onwards
            or (>= 0xF900 and <= 0xFAFF) // Compatibility Ideographs
            or (>= 0x3000 and <= 0x303F) // CJK punctuation: 、。〈〉《》「」【】〔〕
            or (>= 0xFF00 and <= 0xFFEF); // Full-width forms: （），：；！？
    }

    private static int CodePointAt(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1])
            ? char.ConvertToUtf32(text[index], text[index + 1])
            : text[index];
}
