using Pipeline.Corpus.Rendering;

namespace Pipeline.Corpus.Pdf;

/// <summary>
/// A page style for printing a report to PDF. Real reports come from many word processors and
/// portals, so the tables differ in font, size, ruling and padding; the reader must cope with all.
/// </summary>
public sealed record PrintStyle(string Name, string Css)
{
    /// <summary>The .html samples' style: serif, 13px tables, 1px rules. Table 三 splits across pages 2 and 3.</summary>
    public static readonly PrintStyle Classic = new("classic", HtmlRenderer.DefaultStyle);

    /// <summary>Sans-serif, thin grey rules, roomy cells and a shaded header row, as portals print.</summary>
    public static readonly PrintStyle ShadedSans = new("shaded-sans", """
        @page { size: A4; margin: 2cm; }
        body { font-family: "Noto Sans CJK SC"; font-size: 15px; line-height: 1.7; max-width: 48em; margin: 2em auto; }
        h1 { font-size: 21px; text-align: center; }
        h2 { font-size: 17px; margin: 1em 0 0.4em; }
        p { text-indent: 2em; margin: 0.3em 0; }
        p.row { text-indent: 0; }
        p.signature, p.date { text-align: right; }
        table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 12px; line-height: 1.4; }
        td { border: 0.5px solid #444; padding: 4px 6px; text-align: center; vertical-align: middle; }
        tr:first-child td { background: #d9d9d9; }
        tr { break-inside: avoid; }
        """);

    /// <summary>Serif with heavy 2px rules and large cells, as a Word table with thick borders prints: long tables.</summary>
    public static readonly PrintStyle HeavyGrid = new("heavy-grid", """
        @page { size: A4; margin: 2.5cm 2cm; }
        body { font-family: "Noto Serif CJK SC"; font-size: 16px; line-height: 1.8; max-width: 48em; margin: 2em auto; }
        h1 { font-size: 22px; text-align: center; }
        h2 { font-size: 18px; margin: 1em 0 0.4em; }
        p { text-indent: 2em; margin: 0.3em 0; }
        p.row { text-indent: 0; }
        p.signature, p.date { text-align: right; }
        table { border-collapse: collapse; width: 100%; margin: 0.8em 0; font-size: 14px; line-height: 1.5; }
        td { border: 2px solid #000; padding: 5px 7px; text-align: center; vertical-align: middle; }
        tr { break-inside: avoid; }
        """);

    /// <summary>Small sans type, tight cells, light grey header: a dense report of three pages, table 三 on one page.</summary>
    public static readonly PrintStyle Compact = new("compact", """
        @page { size: A4; margin: 1.5cm; }
        body { font-family: "Noto Sans CJK SC"; font-size: 13px; line-height: 1.5; max-width: 52em; margin: 1em auto; }
        h1 { font-size: 19px; text-align: center; }
        h2 { font-size: 15px; margin: 0.8em 0 0.3em; }
        p { text-indent: 2em; margin: 0.2em 0; }
        p.row { text-indent: 0; }
        p.signature, p.date { text-align: right; }
        table { border-collapse: collapse; width: 100%; margin: 0.6em 0; font-size: 11px; line-height: 1.3; }
        td { border: 1px solid #222; padding: 1px 3px; text-align: center; vertical-align: middle; }
        tr:first-child td { background: #eeeeee; }
        tr { break-inside: avoid; }
        """);

    public static IReadOnlyList<PrintStyle> All { get; } = [Classic, ShadedSans, HeavyGrid, Compact];

    /// <summary>The style a generated report is printed in: fixed by its seed, so re-runs agree.</summary>
    public static PrintStyle For(int seed) => All[(int)((uint)seed % (uint)All.Count)];

    public static PrintStyle Named(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentException($"no print style \"{name}\"", nameof(name));
}
