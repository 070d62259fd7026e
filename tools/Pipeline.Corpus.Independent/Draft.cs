namespace Pipeline.Corpus.Independent;

/// <summary>
/// One generated report before printing: what every cell prints, the running text of each section, and the
/// verdict the report deserves. Truth is what is printed, so an injected error is part of it.
/// </summary>
public sealed class Draft
{
    public required int Seed { get; init; }

    public required int Year { get; set; }

    /// <summary>"2021" or "2019": the form the tables are printed in.</summary>
    public required string Format { get; set; }

    public required string Agency { get; init; }

    /// <summary>"town", "street" or "bureau": how the text speaks of itself (我镇, 我街道, 我局).</summary>
    public required string Kind { get; init; }

    /// <summary>address (table.row.column) → the text printed in the cell; rows in printed order.</summary>
    public Dictionary<string, string> Cells { get; } = [];

    /// <summary>The six sections' paragraphs; a null heading is not printed.</summary>
    public string?[] Headings { get; } = [.. OfficialTemplate.Sections];

    public List<string>[] Texts { get; } = [.. Enumerable.Range(0, 6).Select(_ => new List<string>())];

    public required string Period { get; set; }

    public required DateOnly Published { get; set; }

    /// <summary>Rows of table 三 left out of the printed table.</summary>
    public HashSet<string> OmittedRows { get; } = [];

    public string? Injected { get; set; }

    public string ExpectedVerdict { get; set; } = "passed";

    public string Self => Kind switch { "town" => "我镇", "street" => "我街道", _ => "我局" };

    public string Title => $"{Agency}{Year}年政府信息公开工作年度报告";

    public int Number(string address) => int.Parse(Cells[address], System.Globalization.CultureInfo.InvariantCulture);
}
