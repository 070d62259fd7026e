using System.Globalization;

namespace Pipeline.CrossReport.Text;

/// <summary>
/// MinHash signatures cut into LSH bands. Two texts whose shingle sets overlap by Jaccard J share a band with
/// probability 1 − (1 − J^Rows)^Bands: with 42 bands of 3 rows, about 0.8 at J = 0.33 (half of each text
/// repeated), 0.99 at J = 0.5, and 0.005 at J = 0.05, so a new report meets its copies and few others.
/// </summary>
public static class MinHash
{
    public const int Bands = 42;

    public const int Rows = 3;

    private static readonly ulong[] Seeds = [.. Enumerable.Range(0, Bands * Rows).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL))];

    public static ulong[] Signature(IReadOnlyCollection<ulong> shingles)
    {
        var signature = new ulong[Seeds.Length];
        Array.Fill(signature, ulong.MaxValue);
        foreach (var shingle in shingles)
        {
            for (var i = 0; i < Seeds.Length; i++)
            {
                var h = Mix(shingle ^ Seeds[i]);
                if (h < signature[i])
                {
                    signature[i] = h;
                }
            }
        }

        return signature;
    }

    /// <summary>The bucket keys of a signature within one scope (the report's year): "2023:7:1a2b…".</summary>
    public static IReadOnlyList<string> Buckets(ulong[] signature, string scope)
    {
        var buckets = new string[Bands];
        for (var band = 0; band < Bands; band++)
        {
            var h = 0xCBF29CE484222325UL;
            for (var row = 0; row < Rows; row++)
            {
                h = Mix(h ^ signature[band * Rows + row]);
            }

            buckets[band] = string.Create(CultureInfo.InvariantCulture, $"{scope}:{band}:{h:x16}");
        }

        return buckets;
    }

    // splitmix64's finaliser: a cheap, well-spread 64-bit permutation.
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
