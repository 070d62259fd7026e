using Pipeline.Storage;

namespace Pipeline.Cli.CrossBench;

/// <summary>
/// One generated report as stored, and what the generator knows about it: the oracle the bench scores the
/// X-rules against. It is written down as the report is made, never computed by the rules' own code.
/// </summary>
public sealed record GeneratedReport(
    StoredReport Report,
    string? CopiedFromId,
    int Lineage,
    bool RepeatsPreviousYear,
    IReadOnlyList<string> BrokenCarryCells,
    IReadOnlyList<string> BrokenInForceCells);
