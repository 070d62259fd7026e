namespace Pipeline.Imaging;

/// <summary>The rulings found on a page: horizontals top to bottom, verticals left to right.</summary>
public sealed record PageRulings(IReadOnlyList<Ruling> Horizontal, IReadOnlyList<Ruling> Vertical)
{
    public static PageRulings None { get; } = new([], []);

    public IEnumerable<Ruling> All => Horizontal.Concat(Vertical);
}
