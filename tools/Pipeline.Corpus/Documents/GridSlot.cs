namespace Pipeline.Corpus.Documents;

/// <summary>
/// A cell as a layout describes it to <see cref="GridBuilder"/>. A slot marked
/// <see cref="MergeDown"/> joins the same slot in the row above, the way the template's
/// header and group labels span several rows.
/// </summary>
public sealed record GridSlot(string Text, int ColSpan = 1, bool MergeDown = false, string? Address = null)
{
    public static GridSlot Label(string text, int colSpan = 1) => new(text, colSpan);

    public static GridSlot Merged(string text, int colSpan = 1) => new(text, colSpan, MergeDown: true);

    public static GridSlot Value(string text, string address, int colSpan = 1) => new(text, colSpan, Address: address);
}
