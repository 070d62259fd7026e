namespace Pipeline.CrossReport.Text;

/// <summary>
/// The overlapping runs of <see cref="Length"/> characters of a comparable text, hashed. Ten Chinese
/// characters is about a clause: long enough that two unrelated reports rarely share one by chance.
/// </summary>
public static class Shingles
{
    public const int Length = 10;

    /// <summary>Hash of the shingle starting at each position (there are Length − <see cref="Length"/> + 1).</summary>
    public static ulong[] Positions(ComparableText text)
    {
        var count = text.Length - Length + 1;
        if (count <= 0)
        {
            return [];
        }

        var hashes = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            hashes[i] = Hash(text.Chars.AsSpan(i, Length));
        }

        return hashes;
    }

    public static HashSet<ulong> Set(ComparableText text) => [.. Positions(text)];

    // FNV-1a over UTF-16 code units: stable across processes (string.GetHashCode is not), which the stored index needs.
    private static ulong Hash(ReadOnlySpan<char> chars)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in chars)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
