using System.Text;
using Pipeline.Corpus.Documents;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Rendering;

/// <summary>Prints a report as the plain text the seeds were copied into, in one of their three styles.</summary>
public static class TextRenderer
{
    public static string Render(ReportTruth truth, TextStyle style)
    {
        var text = new StringBuilder();
        foreach (var block in DocumentLayout.Build(truth))
        {
            if (block.Table is { } table)
            {
                WriteTable(text, table, style);
            }
            else
            {
                Line(text, block.Text);
            }

            // Copies from Word leave an empty line between paragraphs; copies from web pages do not.
            if (style != TextStyle.Pipe)
            {
                Line(text, string.Empty);
            }
        }

        return style == TextStyle.Pipe ? HalfWidth(text.ToString()) : text.ToString();
    }

    private static void WriteTable(StringBuilder text, GridTable table, TextStyle style)
    {
        switch (style)
        {
            case TextStyle.TabPerLine:
                foreach (var row in table.Rows)
                {
                    foreach (var cell in row.Cells)
                    {
                        Line(text, "\t" + cell.Text);
                    }

                    Line(text, string.Empty);
                }

                break;
            case TextStyle.TabRows:
                foreach (var row in table.Rows)
                {
                    Line(text, string.Join('\t', table.Positions(row)));
                }

                break;
            default:
                WritePipes(text, table);
                break;
        }
    }

    /// <summary>Cells in reading order; consecutive empty grid positions become one line of bars.</summary>
    private static void WritePipes(StringBuilder text, GridTable table)
    {
        var empties = 0;
        foreach (var position in table.Rows.SelectMany(table.Positions))
        {
            if (position.Length == 0)
            {
                empties++;
                continue;
            }

            Bars(text, ref empties);
            Line(text, position + " |");
        }

        Bars(text, ref empties);
    }

    private static void Bars(StringBuilder text, ref int empties)
    {
        if (empties > 0)
        {
            Line(text, new string('|', empties));
            empties = 0;
        }
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');

    /// <summary>Web pages often carry half-width brackets and commas, as seed 002 does.</summary>
    private static string HalfWidth(string text) => text
        .Replace('（', '(')
        .Replace('）', ')')
        .Replace('，', ',')
        .Replace('：', ':')
        .Replace('；', ';');
}
