namespace Pipeline.Corpus.Documents;

public enum BlockKind
{
    Title,
    Paragraph,
    Heading,
    Table,
    Signature,
    Date,
}

/// <summary>One block of the printed report, in reading order; <see cref="Table"/> is set for tables only.</summary>
public sealed record DocumentBlock(BlockKind Kind, string Text, GridTable? Table = null);
