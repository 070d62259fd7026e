namespace Pipeline.Reading;

/// <summary>
/// How much structure a document may have before it is parsed, chosen from what real reports need with ample
/// room. A report's deepest nesting is a table in a table cell, some twenty elements deep in Word's XML or a
/// web page; it has a few hundred table cells and tens of thousands of elements. Past these limits a file is
/// damaged or built to exhaust the parser, and is refused with a reason before the parser sees it.
/// </summary>
public static class StructureLimits
{
    /// <summary>Elements nested in one another (HTML elements, or XML elements of a Word part).</summary>
    public const int MaxDepth = 256;

    /// <summary>Elements in one web page or one Word part.</summary>
    public const int MaxElements = 1_000_000;

    /// <summary>Table cells in one document: the three statistics tables have under 300.</summary>
    public const int MaxCells = 50_000;

    /// <summary>Grid slots one table covers, its cells' row span × column span summed: a report's table covers under 1,000.</summary>
    public const long MaxTableArea = 250_000;

    /// <summary>The XML of a Word file once decompressed: a long report with tables is a few MB.</summary>
    public const long MaxDecompressedBytes = 128L * 1024 * 1024;

    /// <summary>Decompressed size over compressed size of one zip entry; Word's XML compresses about 10 : 1, a zip bomb 1000 : 1.</summary>
    public const int MaxCompressionRatio = 200;

    /// <summary>Ratios are judged only for entries that inflate past this; tiny entries may compress as they like.</summary>
    public const long RatioFloorBytes = 4L * 1024 * 1024;

    public static UnreadableException TooDeep(string what) =>
        new($"{what}的结构嵌套超过 {MaxDepth} 层（正常的年度报告不超过几十层），可能是损坏或恶意构造的文件，已拒绝处理。");

    public static UnreadableException TooManyElements(string what) =>
        new($"{what}含有超过 {MaxElements:N0} 个元素，远超一份年度报告的规模，可能是恶意构造的文件，已拒绝处理。");

    public static UnreadableException TooManyCells(string what) =>
        new($"{what}含有超过 {MaxCells:N0} 个表格单元格（年度报告的表格只有几百格），可能是恶意构造的文件，已拒绝处理。");
}
