namespace Pipeline.Corpus.Rendering;

/// <summary>The three ways the seeds hold a report copied to plain text.</summary>
public enum TextStyle
{
    /// <summary>Each Word cell on its own tab-led line, a blank line after each row (seeds 000, 001, 003).</summary>
    TabPerLine,

    /// <summary>Each cell as "text |", runs of empty cells as a line of bars, half-width punctuation (seed 002).</summary>
    Pipe,

    /// <summary>Each row on one line, every grid column tab-separated, empty where spans cover it (seed 004).</summary>
    TabRows,
}
