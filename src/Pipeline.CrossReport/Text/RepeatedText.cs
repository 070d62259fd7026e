namespace Pipeline.CrossReport.Text;

/// <summary>
/// How much of a text repeats another: the share of its characters inside repeated passages (runs of shared
/// shingles at least <see cref="MinimumPassage"/> long), and the longest such passages. Shorter runs are left out:
/// officialese (“进一步加强政务公开标准化建设”) recurs in unrelated reports, a copied passage runs on.
/// </summary>
public sealed record RepeatedText(double Share, IReadOnlyList<string> LongestPassages)
{
    /// <summary>Runs shorter than this (in comparable characters) are a stock clause, not a copy: neither counted nor quoted.</summary>
    public const int MinimumPassage = 20;

    public static RepeatedText Measure(ComparableText text, IReadOnlySet<ulong> other, int passages = 3) =>
        Measure(text, Shingles.Positions(text), other, passages);

    /// <summary>As above, with the text's shingles already hashed (one text measured against many).</summary>
    public static RepeatedText Measure(ComparableText text, ulong[] positions, IReadOnlySet<ulong> other, int passages = 3)
    {
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

        var passagesOfNote = runs.Where(r => r.End - r.Start >= MinimumPassage).ToList();
        var share = (double)passagesOfNote.Sum(r => r.End - r.Start) / text.Length;
        var longest = passagesOfNote
            .OrderByDescending(r => r.End - r.Start)
            .Take(passages)
            .Select(r => text.Quote(r.Start, r.End))
            .ToList();
        return new RepeatedText(share, longest);
    }
}
