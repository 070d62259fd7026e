using Pipeline.Imaging;
using Pipeline.Model.Layout;
using Pipeline.Model.Text;

namespace Pipeline.Reading.Pdf;

/// <summary>
/// Layout from a PDF's text layer: the ruled grids found on each rendered page give the tables
/// (each word goes to the cell holding its centre, so a label wrapped over two lines stays one
/// cell); the remaining words, grouped by pdftotext's flows, give the paragraphs.
/// </summary>
public static class PdfTextLayout
{
    /// <summary>Enough to find rulings; words already carry exact text.</summary>
    public const int GridDpi = 100;

    public static IReadOnlyList<LayoutBlock> Build(IReadOnlyList<PdfWord> words, Func<int, IReadOnlyList<TableGrid>> gridsOnPage)
    {
        var blocks = new List<LayoutBlock>();
        foreach (var page in words.GroupBy(w => w.Page).OrderBy(g => g.Key))
        {
            var grids = gridsOnPage(page.Key);
            var placed = new List<(double Top, LayoutBlock Block)>();
            var inTables = new HashSet<PdfWord>();
            foreach (var grid in grids)
            {
                var rows = new List<LayoutRow>();
                foreach (var row in grid.Rows)
                {
                    var cells = new List<LayoutCell>();
                    foreach (var cell in row)
                    {
                        var inside = page.Where(w => cell.Box.Inflate(1).Contains(Pixels(w.CenterX), Pixels(w.CenterY))).ToList();
                        inTables.UnionWith(inside);
                        cells.Add(new LayoutCell(Join(inside), Origin(page.Key, cell.Box), cell.RowSpan, cell.ColumnSpan));
                    }

                    rows.Add(new LayoutRow(cells));
                }

                placed.Add((Points(grid.Bounds.Y), new LayoutTable(rows, Origin(page.Key, grid.Bounds))));
            }

            var running = page.Where(w => !inTables.Contains(w)).ToList();
            var margins = Margins(running);
            foreach (var flow in running.GroupBy(w => w.Flow))
            {
                foreach (var paragraph in Paragraphs(flow.ToList(), margins))
                {
                    var text = Join(paragraph);
                    if (text.Length > 0)
                    {
                        var left = paragraph.Min(w => w.Left);
                        var top = paragraph.Min(w => w.Top);
                        var box = new Box(left, top, paragraph.Max(w => w.Left + w.Width) - left, paragraph.Max(w => w.Top + w.Height) - top);
                        placed.Add((top, new LayoutParagraph(text, new LayoutOrigin(Page: page.Key, Box: box))));
                    }
                }
            }

            blocks.AddRange(placed.OrderBy(p => p.Top).Select(p => p.Block));
        }

        return blocks;
    }

    /// <summary>
    /// One flow of text in paragraphs, by the geometry of its lines and what they say (<see cref="ParagraphBreaks"/>),
    /// against the page's body margins: pdftotext may put a heading and the one-line paragraph before it in one
    /// flow, whose own left edge is then the indent they share.
    /// </summary>
    private static IEnumerable<List<PdfWord>> Paragraphs(IReadOnlyList<PdfWord> flow, (double Left, double Right)? margins)
    {
        var lines = flow.GroupBy(w => w.Line).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        return ParagraphBreaks.Split(
            lines,
            line => line.Min(w => w.Left),
            line => line.Max(w => w.Left + w.Width),
            line => Math.Max(4, line.Sum(w => w.Width) / Math.Max(1, line.Sum(w => w.Text.Length))),
            Join,
            margins)
            .Select(paragraph => paragraph.SelectMany(line => line).ToList());
    }

    /// <summary>The left and right edges of a page's running text: where its lines start and end at the furthest.</summary>
    private static (double Left, double Right)? Margins(List<PdfWord> running)
    {
        var lines = running.GroupBy(w => (w.Flow, w.Line)).ToList();
        return lines.Count == 0 ? null : (lines.Min(l => l.Min(w => w.Left)), lines.Max(l => l.Max(w => w.Left + w.Width)));
    }

    /// <summary>Words in reading order; Chinese runs join directly, Latin words and numbers with a space.</summary>
    private static string Join(IReadOnlyList<PdfWord> words)
    {
        var text = new System.Text.StringBuilder();
        foreach (var word in words.OrderBy(w => Math.Round(w.CenterY / 3)).ThenBy(w => w.Left))
        {
            if (text.Length > 0 && !ChineseText.IsHan(text[^1]) && !ChineseText.IsHan(word.Text[0]) && char.IsLetterOrDigit(text[^1]) && char.IsLetterOrDigit(word.Text[0]))
            {
                text.Append(' ');
            }

            text.Append(word.Text);
        }

        return text.ToString().Trim();
    }

    private static LayoutOrigin Origin(int page, Rect pixels) =>
        new(Page: page, Box: new Box(Points(pixels.X), Points(pixels.Y), Points(pixels.Width), Points(pixels.Height)));

    private static int Pixels(double points) => (int)Math.Round(points * GridDpi / 72.0);

    private static double Points(int pixels) => Math.Round(pixels * 72.0 / GridDpi, 2);
}
