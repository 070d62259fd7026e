using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.CrossReport;

/// <summary>
/// A result judged by the rules across reports, with what the judging worked out on the way and the filing of the same
/// report needs again: the other bodies' texts it was found to copy, as read, and its text's index buckets.
/// </summary>
public sealed record CrossEvaluation(CheckResult Result, IReadOnlyList<ReportTexts> Copied, IReadOnlyList<string>? Buckets = null);
