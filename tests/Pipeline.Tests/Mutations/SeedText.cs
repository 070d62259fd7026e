using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline.Model.Text;

namespace Pipeline.Tests.Mutations;

/// <summary>
/// A seed's text, changed the way a clerk's slip would change it. Every change finds its place
/// by what is printed there (a row's label, then its Nth value cell; a heading; a sentence),
/// never by offset, so it works on all three text styles: one cell per tab-led line, cells
/// split by '|', and table rows of tab-separated cells. A change that finds nothing throws,
/// so a test can never pass on a mutation that did not happen.
/// </summary>
public sealed partial class SeedText
{
    private readonly IReadOnlyList<string> _lines;

    private SeedText(string prefix, IReadOnlyList<string> lines)
    {
        Prefix = prefix;
        _lines = lines;
    }

    public string Prefix { get; }

    public static SeedText Load(string prefix) =>
        new(prefix, File.ReadAllText(TestFiles.Seed(prefix)).Split('\n'));

    public byte[] ToBytes() => Encoding.UTF8.GetBytes(ToString());

    public override string ToString() => string.Join('\n', _lines);

    /// <summary>
    /// Replaces the <paramref name="index"/>-th value cell (a number or a blank mark; empty cells
    /// and labels are skipped) after the cell that holds <paramref name="label"/>.
    /// </summary>
    public SeedText ReplaceValueAfterLabel(string label, int index, string newText) =>
        ChangeValueAfterLabel(label, index, _ => newText);

    /// <summary>Adds <paramref name="by"/> to the number in the <paramref name="index"/>-th value cell after the label.</summary>
    public SeedText AddToValueAfterLabel(string label, int index, int by) =>
        ChangeValueAfterLabel(label, index, old => (int.Parse(old, CultureInfo.InvariantCulture) + by).ToString(CultureInfo.InvariantCulture));

    /// <summary>Removes <paramref name="count"/> value cells from the <paramref name="index"/>-th after the label on.</summary>
    public SeedText RemoveValuesAfterLabel(string label, int index, int count)
    {
        var lines = _lines.ToList();
        for (var n = 0; n < count; n++)
        {
            var (line, cell) = FindValue(lines, label, index);
            var parts = Cells(lines[line]).ToList();
            parts.RemoveAt(cell);
            lines[line] = Join(lines[line], parts);
        }

        return With(lines);
    }

    /// <summary>Removes the cell that holds <paramref name="label"/>; a line left holding nothing is left blank.</summary>
    public SeedText RemoveCell(string label)
    {
        var lines = _lines.ToList();
        var (line, cell) = FindLabel(lines, label);
        var parts = Cells(lines[line]).ToList();
        parts.RemoveAt(cell);
        lines[line] = parts.All(p => p.Trim().Length == 0) ? string.Empty : Join(lines[line], parts);
        return With(lines);
    }

    /// <summary>
    /// Removes a table row: the label's cell and the <paramref name="values"/> value cells after
    /// it. A line left holding nothing but separators is removed with it.
    /// </summary>
    public SeedText RemoveRow(string label, int values)
    {
        var lines = _lines.ToList();
        var (labelLine, labelCell) = FindLabel(lines, label);
        var doomed = Enumerable.Range(0, values).Select(i => FindValue(lines, label, i)).Prepend((labelLine, labelCell)).ToList();
        foreach (var group in doomed.GroupBy(d => d.Item1).OrderByDescending(g => g.Key))
        {
            var parts = Cells(lines[group.Key]).ToList();
            foreach (var cell in group.Select(d => d.Item2).OrderDescending())
            {
                parts.RemoveAt(cell);
            }

            if (parts.All(p => p.Trim().Length == 0))
            {
                lines.RemoveAt(group.Key);
            }
            else
            {
                lines[group.Key] = Join(lines[group.Key], parts);
            }
        }

        return With(lines);
    }

    /// <summary>Removes the first line whose text (folded) contains <paramref name="text"/>.</summary>
    public SeedText RemoveLine(string text)
    {
        var lines = _lines.ToList();
        lines.RemoveAt(IndexOfLine(lines, text, 0));
        return With(lines);
    }

    /// <summary>Removes the lines from the first holding <paramref name="from"/> up to, not including, the next holding <paramref name="until"/>.</summary>
    public SeedText RemoveLinesBetween(string from, string until)
    {
        var lines = _lines.ToList();
        var start = IndexOfLine(lines, from, 0);
        var end = IndexOfLine(lines, until, start + 1);
        lines.RemoveRange(start, end - start);
        return With(lines);
    }

    /// <summary>Removes the lines strictly between the first holding <paramref name="after"/> and the next holding <paramref name="until"/>.</summary>
    public SeedText RemoveLinesAfter(string after, string until)
    {
        var lines = _lines.ToList();
        var start = IndexOfLine(lines, after, 0) + 1;
        var end = IndexOfLine(lines, until, start);
        lines.RemoveRange(start, end - start);
        return With(lines);
    }

    /// <summary>
    /// Removes a section heading: the first line that starts with its numeral (一、) and holds its
    /// title, or starts with the title where the numeral was left out (seed 000's 总体情况).
    /// </summary>
    public SeedText RemoveHeading(string numeral, string title)
    {
        var lines = _lines.ToList();
        var folded = ChineseText.Fold(title);
        var index = lines.FindIndex(l =>
            Bookmark().Replace(ChineseText.Fold(l), string.Empty) is var f
            && ((f.StartsWith(numeral + "、", StringComparison.Ordinal) && f.Contains(folded, StringComparison.Ordinal)) || f.StartsWith(folded, StringComparison.Ordinal)));
        if (index < 0)
        {
            throw new InvalidOperationException($"{Prefix}: no heading {numeral}、{title}");
        }

        lines.RemoveAt(index);
        return With(lines);
    }

    /// <summary>Removes every line after the first holding <paramref name="label"/>'s <paramref name="index"/>-th value cell, and the cells after it on its line.</summary>
    public SeedText CutAfterValue(string label, int index)
    {
        var lines = _lines.ToList();
        var (line, cell) = FindValue(lines, label, index);
        lines[line] = Join(lines[line], Cells(lines[line]).Take(cell + 1).ToList());
        return With(lines.Take(line + 1).ToList());
    }

    /// <summary>Replaces the first occurrence of <paramref name="old"/> in the text, exactly as printed.</summary>
    public SeedText ReplaceFirst(string old, string replacement)
    {
        var lines = _lines.ToList();
        var line = lines.FindIndex(l => l.Contains(old, StringComparison.Ordinal));
        if (line < 0)
        {
            throw new InvalidOperationException($"{Prefix}: “{old}” is not in the text");
        }

        var at = lines[line].IndexOf(old, StringComparison.Ordinal);
        lines[line] = string.Concat(lines[line].AsSpan(0, at), replacement, lines[line].AsSpan(at + old.Length));
        return With(lines);
    }

    /// <summary>Replaces the whole first line whose text (folded) contains <paramref name="text"/>.</summary>
    public SeedText ReplaceLine(string text, string replacement)
    {
        var lines = _lines.ToList();
        lines[IndexOfLine(lines, text, 0)] = replacement;
        return With(lines);
    }

    /// <summary>Inserts a paragraph after the first line whose text (folded) contains <paramref name="text"/>.</summary>
    public SeedText InsertAfterLine(string text, string paragraph)
    {
        var lines = _lines.ToList();
        lines.Insert(IndexOfLine(lines, text, 0) + 1, paragraph);
        return With(lines);
    }

    /// <summary>Adds a paragraph at the end of the text.</summary>
    public SeedText Append(string paragraph)
    {
        var lines = _lines.ToList();
        while (lines.Count > 0 && lines[^1].Trim().Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        lines.Add(paragraph);
        lines.Add(string.Empty);
        return With(lines);
    }

    /// <summary>The lines of the section that <paramref name="heading"/> starts, up to the next line holding <paramref name="next"/>, emptied.</summary>
    public SeedText EmptySection(string heading, string? next)
    {
        var lines = _lines.ToList();
        var start = IndexOfLine(lines, heading, 0) + 1;
        var end = next is null ? lines.Count : IndexOfLine(lines, next, start);
        lines.RemoveRange(start, end - start);
        return With(lines);
    }

    /// <summary>Swaps the text of the two first lines holding <paramref name="a"/> and <paramref name="b"/>.</summary>
    public SeedText SwapLines(string a, string b)
    {
        var lines = _lines.ToList();
        var i = IndexOfLine(lines, a, 0);
        var j = IndexOfLine(lines, b, 0);
        (lines[i], lines[j]) = (lines[j], lines[i]);
        return With(lines);
    }

    private SeedText ChangeValueAfterLabel(string label, int index, Func<string, string> change)
    {
        var lines = _lines.ToList();
        var (line, cell) = FindValue(lines, label, index);
        var parts = Cells(lines[line]).ToList();
        var old = parts[cell].Trim();
        parts[cell] = parts[cell].Replace(old, change(old), StringComparison.Ordinal);
        lines[line] = Join(lines[line], parts);
        return With(lines);
    }

    private SeedText With(List<string> lines) => new(Prefix, lines);

    /// <summary>The line and cell of the first cell (short enough to be a table cell) that holds the label.</summary>
    private (int Line, int Cell) FindLabel(List<string> lines, string label)
    {
        var folded = ChineseText.Fold(label);
        for (var i = 0; i < lines.Count; i++)
        {
            var parts = Cells(lines[i]);
            for (var c = 0; c < parts.Count; c++)
            {
                var cell = ChineseText.Fold(parts[c]);
                if (cell.Contains(folded, StringComparison.Ordinal) && cell.Length <= folded.Length + 30)
                {
                    return (i, c);
                }
            }
        }

        throw new InvalidOperationException($"{Prefix}: no cell holds “{label}”");
    }

    /// <summary>The <paramref name="index"/>-th value cell after the label's cell, reading on across lines.</summary>
    private (int Line, int Cell) FindValue(List<string> lines, string label, int index)
    {
        var (line, cell) = FindLabel(lines, label);
        var seen = 0;
        for (var i = line; i < lines.Count; i++)
        {
            var parts = Cells(lines[i]);
            for (var c = i == line ? cell + 1 : 0; c < parts.Count; c++)
            {
                if (IsValue(parts[c]) && seen++ == index)
                {
                    return (i, c);
                }
            }
        }

        throw new InvalidOperationException($"{Prefix}: fewer than {index + 1} values after “{label}”");
    }

    private int IndexOfLine(List<string> lines, string text, int from)
    {
        var folded = ChineseText.Fold(text);
        var index = lines.FindIndex(from, l => ChineseText.Fold(l).Contains(folded, StringComparison.Ordinal));
        return index >= 0 ? index : throw new InvalidOperationException($"{Prefix}: no line holds “{text}” after line {from}");
    }

    /// <summary>A line's cells as the seeds print them: split by '|' where there is one, else by tabs.</summary>
    private static IReadOnlyList<string> Cells(string line) => line.Split(line.Contains('|') ? '|' : '\t');

    /// <summary>Joins cells back into a line; a '|' line keeps its closing '|', without which it would be running text.</summary>
    private static string Join(string line, IReadOnlyList<string> parts)
    {
        if (!line.Contains('|'))
        {
            return string.Join('\t', parts);
        }

        var joined = string.Join('|', parts);
        return line.TrimEnd().EndsWith('|') && parts.Any(p => p.Trim().Length > 0) && !joined.TrimEnd().EndsWith('|') ? joined + "|" : joined;
    }

    private static bool IsValue(string cell) => ValueCell().IsMatch(cell.Trim());

    [GeneratedRegex(@"^([+\-]?\d+(\.\d+)?|/|-|—|无)$")]
    private static partial Regex ValueCell();

    [GeneratedRegex(@"^\[bookmark:[^\]]*\]")]
    private static partial Regex Bookmark();
}
