namespace Pipeline.CrossReport.Text;

/// <summary>How much of a text repeats another: the share of its characters inside a shared shingle, and the longest such passages.</summary>
public sealed record RepeatedText(double Share, IReadOnlyList<string> LongestPassages)
{
    /// <summary>Passages shorter than this (in comparable characters) are not quoted: a stock clause, not a copy.</summary>
    public const int MinimumPassage = 20;

    public static RepeatedText Measure(ComparableText text, IReadOnlySet<ulong> other, int passages = 3)
    {
        var positions = Shingles.Positions(text);
        if (positions.Length == 0)
        {
            return new RepeatedText(0, []);
        }

        var covered = new bool[text.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            if (other.Contains(positions[i]))
            {
                Array.Fill(covered, true, i, Shingles.Length);
            }
        }

        var runs = new List<(int Start, int End)>();
        for (var i = 0; i < covered.Length; i++)
        {
            if (!covered[i])
            {
                continue;
            }

            var start = i;
            while (i < covered.Length && covered[i])
            {
                i++;
            }

            runs.Add((start, i));
        }

        var share = (double)covered.Count(c => c) / text.Length;
        var longest = runs.Where(r => r.End - r.Start >= MinimumPassage)
            .OrderByDescending(r => r.End - r.Start)
            .Take(passages)
            .Select(r => text.Quote(r.Start, r.End))
            .ToList();
        return new RepeatedText(share, longest);
    }
}
