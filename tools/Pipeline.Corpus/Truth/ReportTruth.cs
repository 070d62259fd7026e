using System.Text.Json.Serialization;
using Pipeline.Model.Reports;
using Pipeline.Model.Results;

namespace Pipeline.Corpus.Truth;

/// <summary>
/// What a generated report says, and what checking it should conclude. Renderers print exactly
/// this; a mutation changes it and records the rule it expects to fire.
/// </summary>
public sealed record ReportTruth
{
    /// <summary>The seed the report was generated from; variants keep their base report's seed.</summary>
    public required int Seed { get; init; }

    public required string Agency { get; init; }

    public required AgencyKind AgencyKind { get; init; }

    /// <summary>The body's full name, printed above the date at the end.</summary>
    public required string Signature { get; init; }

    public required int Year { get; init; }

    public string Title => $"{Agency}{Year}年政府信息公开工作年度报告";

    /// <summary>The format of the report's year; table 三 follows it.</summary>
    [JsonConverter(typeof(VintageJsonConverter))]
    public required Vintage Vintage { get; init; }

    /// <summary>The format table 二 follows: the same as <see cref="Vintage"/> unless the report mixes formats.</summary>
    [JsonConverter(typeof(VintageJsonConverter))]
    public required Vintage ActiveDisclosureVintage { get; init; }

    /// <summary>The date printed at the end; null when the report prints none.</summary>
    public DateOnly? Published { get; init; }

    public required TruthPeriod Period { get; init; }

    public required TruthSections Sections { get; init; }

    /// <summary>Sections whose heading line is not printed (their text still is).</summary>
    public IReadOnlyList<string> OmittedHeadings { get; init; } = [];

    public required ReportTables Tables { get; init; }

    public Verdict ExpectedVerdict { get; init; } = Verdict.Passed;

    /// <summary>Ids of the rules expected to fire, in the order the mutations were applied.</summary>
    public IReadOnlyList<string> ExpectedRules { get; init; } = [];

    /// <summary>What was changed to make this variant, one line per mutation.</summary>
    public IReadOnlyList<string> Mutations { get; init; } = [];

    /// <summary>How a PDF of this truth was made; only in the truth files beside PDFs.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public TruthRendering? Rendering { get; init; }
}
