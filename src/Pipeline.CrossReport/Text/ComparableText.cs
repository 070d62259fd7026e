using System.Text;

namespace Pipeline.CrossReport.Text;

/// <summary>
/// A text made ready for comparison: boilerplate, punctuation and spacing left out, every run of digits
/// one '#' (so a passage repeated with only its numbers and year changed still repeats). Each character
/// remembers where it stood in the original, so repeated passages can be quoted as written.
/// </summary>
public sealed class ComparableText
{
    private ComparableText(string original, string chars, int[] origin)
    {
        Original = original;
        Chars = chars;
        Origin = origin;
    }

    public string Original { get; }

    public string Chars { get; }

    /// <summary>For each character of <see cref="Chars"/>, its index in <see cref="Original"/>.</summary>
    public IReadOnlyList<int> Origin { get; }

    public int Length => Chars.Length;

    public static ComparableText Of(string original)
    {
        var excluded = new bool[original.Length];
        foreach (System.Text.RegularExpressions.Match m in Boilerplate.DatePattern.Matches(original))
        {
            Array.Fill(excluded, true, m.Index, m.Length);
        }

        foreach (var phrase in Boilerplate.Phrases)
        {
            for (var at = original.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = original.IndexOf(phrase, at + phrase.Length, StringComparison.Ordinal))
            {
                Array.Fill(excluded, true, at, phrase.Length);
            }
        }

        var chars = new StringBuilder(original.Length);
        var origin = new List<int>(original.Length);
        var inDigits = false;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (excluded[i])
            {
                inDigits = false;
                continue;
            }

            if (char.IsDigit(c) || c is '.' && inDigits)
            {
                if (!inDigits)
                {
                    chars.Append('#');
                    origin.Add(i);
                    inDigits = true;
                }

                continue;
            }

            inDigits = false;
            if (char.IsLetter(c))
            {
                chars.Append(char.ToLowerInvariant(c));
                origin.Add(i);
            }
        }

        return new ComparableText(original, chars.ToString(), [.. origin]);
    }

    /// <summary>The original text behind characters [start, end) of <see cref="Chars"/>.</summary>
    public string Quote(int start, int end) => Original[Origin[start]..(Origin[end - 1] + 1)].Trim();
}
