using Pipeline.Model.Results;

namespace Pipeline.Storage;

/// <summary>
/// What X-DUPLICATE needs of another stored report: its section texts and whom it is from. Read on its own
/// (a projection) because a candidate's whole document, with every cell and finding, costs ten times as much to
/// read and parse, and up to ten candidates are read for each new report. <see cref="Copies"/> is what the rules
/// across reports last found it copies (null before they ran), so a later copy of it can tell whether it is warned.
/// </summary>
public sealed record ReportTexts(string Office, string Id, string? Agency, int? Year, IReadOnlyDictionary<string, string> Texts, IReadOnlyList<CopiedReport>? Copies = null);
