namespace Pipeline.Corpus.Rendering;

/// <summary>Every form a report is written in.</summary>
public enum RenderFormat
{
    Tabs,
    Pipes,
    Rows,
    Html,
    HtmlFlat,
    Docx,
}
