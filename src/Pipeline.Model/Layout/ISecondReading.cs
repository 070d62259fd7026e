namespace Pipeline.Model.Layout;

/// <summary>
/// Number cells a reader read with one model alone, which a second, independent model reads again on demand.
/// Their layout confidence is held below the rules' threshold: one model's word is never enough. The checker
/// raises a cell the table's own identities confirm to the model's confidence, and has the rest read again.
/// </summary>
public interface ISecondReading
{
    /// <summary>Each cell read by one model alone, by its place, with the confidence that model gave it.</summary>
    IReadOnlyDictionary<CellPlace, double> SingleRead { get; }

    /// <summary>The given cells read again by the second model, with the first; each comes back as its new text and confidence.</summary>
    IReadOnlyDictionary<CellPlace, (string Text, double Confidence)> ReadAgain(IReadOnlyCollection<CellPlace> cells);
}

/// <summary>Where a cell was read: its page and its box there, which no other cell shares.</summary>
public readonly record struct CellPlace(int Page, Box Box)
{
    public static CellPlace? Of(LayoutOrigin origin) => origin is { Page: { } page, Box: { } box } ? new CellPlace(page, box) : null;
}
