using System.Text;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Rendering;

/// <summary>Renders a truth in any <see cref="RenderFormat"/>, as the bytes of its file.</summary>
public static class Renderings
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static IReadOnlyList<RenderFormat> All { get; } = Enum.GetValues<RenderFormat>();

    /// <summary>What follows a report's base name: passing-2021 + "-tabs.txt".</summary>
    public static string Suffix(this RenderFormat format) => format switch
    {
        RenderFormat.Tabs => "-tabs.txt",
        RenderFormat.Pipes => "-pipes.txt",
        RenderFormat.Rows => "-rows.txt",
        RenderFormat.Html => ".html",
        RenderFormat.HtmlFlat => "-flat.html",
        RenderFormat.Docx => ".docx",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static byte[] Render(ReportTruth truth, RenderFormat format) => format switch
    {
        RenderFormat.Tabs => Utf8.GetBytes(TextRenderer.Render(truth, TextStyle.TabPerLine)),
        RenderFormat.Pipes => Utf8.GetBytes(TextRenderer.Render(truth, TextStyle.Pipe)),
        RenderFormat.Rows => Utf8.GetBytes(TextRenderer.Render(truth, TextStyle.TabRows)),
        RenderFormat.Html => Utf8.GetBytes(HtmlRenderer.Render(truth)),
        RenderFormat.HtmlFlat => Utf8.GetBytes(HtmlRenderer.Render(truth, flattened: true)),
        RenderFormat.Docx => DocxRenderer.Render(truth),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static byte[] Json(ReportTruth truth) => Utf8.GetBytes(TruthJson.Serialize(truth));
}
