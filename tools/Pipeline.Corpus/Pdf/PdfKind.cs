namespace Pipeline.Corpus.Pdf;

/// <summary>The PDFs a report is printed as: Chromium's text layer, a clean scan of it, a spoiled scan of it.</summary>
public enum PdfKind
{
    Text,
    Scan,
    Degraded,
}
