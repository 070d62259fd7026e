using Pipeline.Model.Layout;

namespace Pipeline.Model.Reports;

/// <summary>
/// A 政府信息公开工作年度报告 as mapped onto the spec's keys. It records what the report says,
/// including its mistakes; judging it is the rules' job.
/// </summary>
public sealed record AnnualReport
{
    public required string SourceKind { get; init; }

    public string? Title { get; init; }

    public string? Agency { get; init; }

    /// <summary>The report's year: what most of its title, statistics period and dates say.</summary>
    public int? Year { get; init; }

    /// <summary>Each place the report states its year.</summary>
    public IReadOnlyList<YearMention> YearMentions { get; init; } = [];

    public StatisticsPeriod? Period { get; init; }

    public DateOnly? Published { get; init; }

    public LayoutOrigin? PublishedOrigin { get; init; }

    /// <summary>The format the tables' labels follow; null when no table was found.</summary>
    public Vintage? Vintage { get; init; }

    /// <summary>Labels that belong to one format only, as found: the evidence for <see cref="Vintage"/>.</summary>
    public IReadOnlyList<VintageLabel> VintageLabels { get; init; } = [];

    /// <summary>Running text before the first section heading: title, preamble, or a section whose heading is missing.</summary>
    public string Preamble { get; init; } = string.Empty;

    /// <summary>
    /// How surely the running text was read: the confidence of its least sure paragraph (1 for text that was not
    /// recognised). On a scan, an error resting on the text fails the report only when this is high enough.
    /// </summary>
    public double TextConfidence { get; init; } = 1;

    /// <summary>The sections found, in the order they appear.</summary>
    public IReadOnlyList<ReportSection> Sections { get; init; } = [];

    public ReportTable? ActiveDisclosure { get; init; }

    public ReportTable? Applications { get; init; }

    public ReportTable? ReviewLitigation { get; init; }

    /// <summary>Rows the template expects that were not found or were cut short.</summary>
    public IReadOnlyList<TableGap> Gaps { get; init; } = [];

    /// <summary>Rows whose values could not be matched one to one with the template's columns: an error resting on them may be the reading's.</summary>
    public IReadOnlyList<LayoutDoubt> LayoutDoubts { get; init; } = [];

    public ReportSection? Section(string key) => Sections.FirstOrDefault(s => s.Key == key);

    public ReportTable? Table(string key) => key switch
    {
        Schema.TableKeys.ActiveDisclosure => ActiveDisclosure,
        Schema.TableKeys.Applications => Applications,
        Schema.TableKeys.ReviewLitigation => ReviewLitigation,
        _ => null,
    };

    /// <summary>The cell at a rule's address (table.row.column); null when it was not read.</summary>
    public CellValue? Cell(string address)
    {
        var (table, row, column) = Schema.CellNames.Split(address);
        return Table(table)?.Get(row, column);
    }

    /// <summary>Running text of the whole report, tables left out: what the TXT-* rules read.</summary>
    public string NarrativeText => string.Join('\n', Sections.Select(s => s.Text).Prepend(Preamble));
}

/// <summary>Where: "title", "period" or "published".</summary>
public sealed record YearMention(string Where, int Year, string Text, LayoutOrigin Origin);

public sealed record StatisticsPeriod(DateOnly? Start, DateOnly? End, string Text, LayoutOrigin Origin);

public sealed record VintageLabel(string Table, string Label, Vintage Vintage);

/// <summary>A row of a table that is missing, or whose cells stop short.</summary>
public sealed record TableGap(string Table, string Row, IReadOnlyList<string> MissingCells, bool RowMissing);

/// <summary>A table row whose cells do not fit the layout they came from; <see cref="Reason"/> says why, in Chinese.</summary>
public sealed record LayoutDoubt(string Table, string Row, IReadOnlyList<string> Cells, string Reason);
