namespace Pipeline.Ocr;

/// <summary>Tesseract's TessPageIteratorLevel: what one result of a reading covers.</summary>
public enum OcrLevel
{
    TextLine = 2,
    Word = 3,
    Symbol = 4,
}
