namespace Pipeline.Corpus.Documents;

/// <summary>
/// A cell as a Word table holds it: an origin cell with its spans, or the continuation of a
/// cell merged down from the row above (<see cref="Continuation"/>, empty text). Columns
/// covered by a horizontal span have no cell of their own.
/// </summary>
public sealed record GridCell(
    string Text,
    int Column,
    int ColSpan = 1,
    int RowSpan = 1,
    bool Continuation = false,
    string? Address = null)
{
    /// <summary>A value cell carries the spec address of the value it prints.</summary>
    public bool IsValue => Address is not null;
}
