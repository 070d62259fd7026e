namespace Pipeline.Corpus.Independent;

/// <summary>
/// How an office prints its report. Body: "official" (仿宋-like serif body, 黑体-like bold headings, two-line title)
/// or "plain". Tables: "ruled" (thin lines) or "shaded" (grey header cells, right-aligned numbers, a thick frame).
/// Split: "none", "repeat" (table 三 breaks across pages and its header is printed again) or "bare" (it breaks and
/// continues without a header).
/// </summary>
public sealed record PrintStyle(string Body, string Tables, string Split, bool Dense)
{
    public string Name => $"{Body}-{Tables}-{Split}-{(Dense ? "dense" : "sparse")}";

    public static PrintStyle Pick(Random random) => new(
        random.Next(2) == 0 ? "official" : "plain",
        random.Next(2) == 0 ? "ruled" : "shaded",
        new[] { "none", "repeat", "bare" }[random.Next(3)],
        random.Next(2) == 0);
}
