using System.Text.RegularExpressions;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;
using Pipeline.Model.Text;

namespace Pipeline.Mapping;

/// <summary>
/// Table 三: each run of values belongs to the label just before it; the label is matched
/// against the template's rows, preferring the rows that follow the last one found. A label
/// garbled past matching takes the one row the template puts between the rows around it.
/// </summary>
public static partial class ApplicationsMapper
{
    private const double Accept = 0.62;

    /// <summary>
    /// The row the template puts next is taken on weaker evidence when no row matches well: the order of the
    /// rows is fixed, and a label garbled by a scan ("(以公开" for （一）予以公开) still resembles it.
    /// </summary>
    private const double AcceptNext = 0.45;

    private static readonly RowDefinition[] Candidates =
        [.. ApplicationsSchema.Rows2021, .. ApplicationsSchema.Rows2019.Where(r => r.Key == "otherHandling")];

    public static MappedTable Map(IReadOnlyList<StreamCell> stream, Vintage fallback)
    {
        const string key = TableKeys.Applications;
        if (stream.Count == 0)
        {
            return new MappedTable(null, [], []);
        }

        var table = new ReportTable(key);
        var gaps = new List<TableGap>();
        var labels = new List<VintageLabel>();
        var doubts = new List<LayoutDoubt>();
        var lastIndex = -1;
        var columns = ApplicationsSchema.Columns;
        var headers = columns.Select(c => c.Label).ToList();
        var guides = ColumnGuide.Find(stream, headers);

        // A label no row matches, followed by a full row of values: kept until the next row is found, in case
        // the template has exactly one row between the two found around it.
        (StreamCell Label, RowValues Values)? unplaced = null;
        for (var i = 0; i < stream.Count; i++)
        {
            if (!stream[i].IsLabel || (i + 1 < stream.Count && stream[i + 1].IsLabel))
            {
                continue;
            }

            var row = MatchRow(stream[i].Folded, lastIndex);
            if (row is null)
            {
                var run = RowValues.Take(stream, i + 1, columns.Count, padFirst: false, guides, headers, out _);
                unplaced = run.Slots.Count(v => v is not null) == columns.Count && run.Slots.Any(v => v is { IsEmpty: false }) ? (stream[i], run) : null;
                continue;
            }

            var (definition, index) = row.Value;
            if (table.HasRow(definition.Key))
            {
                unplaced = null;
                continue;
            }

            if (unplaced is { } skipped && Between(lastIndex, index) is { } between && !table.HasRow(Candidates[between].Key))
            {
                Place(Candidates[between], skipped.Label, skipped.Values);
            }

            unplaced = null;
            lastIndex = index;
            var values = RowValues.Take(stream, i + 1, columns.Count, padFirst: false, guides, headers, out var next);
            // A few empty cells before the next label are header padding, not a blank row.
            if (values.Slots.All(v => v is null || v.IsEmpty) && values.Slots.Count(v => v is not null) < columns.Count)
            {
                continue;
            }

            Place(definition, stream[i], values);
            i = next - 1;
        }

        // The last row garbled: the template's last row, when it is the one that follows the last row found.
        if (unplaced is { } last && NextIndex(lastIndex) is var final and >= 0 && NextIndex(final) < 0 && !table.HasRow(Candidates[final].Key))
        {
            Place(Candidates[final], last.Label, last.Values);
        }

        void Place(RowDefinition definition, StreamCell label, RowValues values)
        {
            var missing = new List<string>();
            for (var c = 0; c < columns.Count; c++)
            {
                var address = ReportTable.Address(key, definition.Key, columns[c].Key);
                if (c < values.Slots.Count && values.Slots[c] is { } value)
                {
                    table.Set(definition.Key, columns[c].Key, CellParser.Parse(address, value.Text, value.Origin, ValueKind.Count));
                }
                else
                {
                    missing.Add(address);
                }
            }

            if (missing.Count > 0)
            {
                gaps.Add(new TableGap(key, definition.Key, missing, false));
            }

            if (values.Doubt is { } doubt)
            {
                doubts.Add(new LayoutDoubt(key, definition.Key, columns.Select(c => ReportTable.Address(key, definition.Key, c.Key)).ToList(), doubt));
            }

            if (definition.Key == "otherHandling")
            {
                labels.Add(new VintageLabel(key, label.Text, Vintage.Format2019));
            }
            else if (definition.Key.StartsWith("otherHandling.", StringComparison.Ordinal))
            {
                labels.Add(new VintageLabel(key, label.Text, Vintage.Format2021));
            }
        }

        if (table.RowKeys.Count == 0)
        {
            return new MappedTable(null, [], []);
        }

        var vintage = labels.Count == 0 ? fallback
            : labels.All(l => l.Vintage == Vintage.Format2019) ? Vintage.Format2019 : Vintage.Format2021;
        foreach (var expected in ApplicationsSchema.Rows(vintage).Where(r => !table.HasRow(r.Key)))
        {
            gaps.Add(new TableGap(key, expected.Key, columns.Select(c => ReportTable.Address(key, expected.Key, c.Key)).ToList(), true));
        }

        return new MappedTable(table, gaps, labels) { Doubts = doubts };
    }

    /// <summary>The best row for a label; near ties, and labels too garbled for any row, go to the row that comes next in the template.</summary>
    private static (RowDefinition Row, int Index)? MatchRow(string folded, int lastIndex)
    {
        (RowDefinition Row, int Index)? best = null;
        var bestScore = 0.0;
        for (var i = 0; i < Candidates.Length; i++)
        {
            var score = LabelMatcher.Score(folded, Candidates[i].Labels);
            if (i > lastIndex)
            {
                score += 0.02;
            }

            if (score > bestScore)
            {
                (best, bestScore) = ((Candidates[i], i), score);
            }
        }

        if (bestScore >= Accept)
        {
            return best;
        }

        var next = NextIndex(lastIndex);
        return next >= 0 && NextScore(folded, Candidates[next]) >= AcceptNext ? (Candidates[next], next) : null;
    }

    /// <summary>
    /// How well a label names the next row, with or without the row's numbering: a scan garbles the small
    /// brackets of （一） first ("人小池以公开" for （一）予以公开), and the words after them carry the evidence.
    /// </summary>
    private static double NextScore(string folded, RowDefinition next) =>
        Math.Max(
            LabelMatcher.Score(folded, next.Labels),
            LabelMatcher.Score(folded, next.Labels.Select(l => Numbering().Replace(l, ""))));

    /// <summary>A row's leading number: （一）, (六), 1., 2、 or 三、.</summary>
    [GeneratedRegex(@"^\s*(?:[（(][一二三四五六七八九十]+[)）]|[0-9]+[.、．]|[一二三四五六七八九十]+、)")]
    private static partial Regex Numbering();

    /// <summary>
    /// The one row the template puts between the row at <paramref name="lastIndex"/> (-1: none yet) and the row at
    /// <paramref name="index"/>, if exactly one lies between them: a scan can garble a label past recognition
    /// ("(从人于" for （一）予以公开, "人信" for 5.要求行政机关确认或重新出具已获取信息), but the rows keep their order.
    /// </summary>
    private static int? Between(int lastIndex, int index)
    {
        foreach (var order in (IReadOnlyList<RowDefinition>[])[ApplicationsSchema.Rows2021, ApplicationsSchema.Rows2019])
        {
            var before = lastIndex < 0 ? -1 : order.ToList().IndexOf(Candidates[lastIndex]);
            var after = order.ToList().IndexOf(Candidates[index]);
            if ((lastIndex < 0 || before >= 0) && after >= 0 && after - before == 2)
            {
                return Array.IndexOf(Candidates, order[before + 1]);
            }
        }

        return null;
    }

    /// <summary>The row that follows the last one found in its own format's order (after the 2019 （六）其他处理 comes （七）总计), or -1.</summary>
    private static int NextIndex(int lastIndex)
    {
        if (lastIndex < 0)
        {
            return 0;
        }

        var last = Candidates[lastIndex];
        var order = ApplicationsSchema.Rows2019.Contains(last) && !ApplicationsSchema.Rows2021.Contains(last) ? ApplicationsSchema.Rows2019 : ApplicationsSchema.Rows2021;
        var position = order.ToList().IndexOf(last);
        return position >= 0 && position + 1 < order.Count ? Array.IndexOf(Candidates, order[position + 1]) : -1;
    }
}
