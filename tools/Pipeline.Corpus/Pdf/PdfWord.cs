namespace Pipeline.Corpus.Pdf;

/// <summary>A word of a text-layer PDF, as pdftotext places it: 1-based page, box in points from the top left.</summary>
public sealed record PdfWord(int Page, string Text, double XMin, double YMin, double XMax, double YMax)
{
    public double CenterX => (XMin + XMax) / 2;

    public double CenterY => (YMin + YMax) / 2;
}
