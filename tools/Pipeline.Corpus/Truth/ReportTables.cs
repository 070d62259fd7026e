namespace Pipeline.Corpus.Truth;

/// <summary>Tables 二, 三 and 四 under the spec's keys.</summary>
public sealed record ReportTables(TruthTable ActiveDisclosure, TruthTable Applications, TruthTable ReviewLitigation);
