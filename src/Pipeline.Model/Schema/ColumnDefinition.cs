namespace Pipeline.Model.Schema;

/// <summary>A column: its key, its printed label (with variants) and what it holds.</summary>
public sealed record ColumnDefinition(string Key, string Label, ValueKind Kind = ValueKind.Count, params string[] Variants)
{
    public IEnumerable<string> Labels => Variants.Prepend(Label);
}

/// <summary>A row: its key, printed label with variants, and the parent heading it sits under.</summary>
public sealed record RowDefinition(string Key, string Label, string? Parent = null, params string[] Variants)
{
    public IEnumerable<string> Labels => Variants.Prepend(Label);
}
