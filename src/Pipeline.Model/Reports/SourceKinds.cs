namespace Pipeline.Model.Reports;

/// <summary>The spec's <c>source.kind</c> values.</summary>
public static class SourceKinds
{
    public const string Text = "txt";
    public const string Html = "html";
    public const string Docx = "docx";
    public const string PdfText = "pdf-text";
    public const string PdfScan = "pdf-scan";
    public const string DocumentIntelligence = "document-intelligence";
}
