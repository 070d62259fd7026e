namespace Pipeline.Ocr;

/// <summary>
/// Tesseract, or the language data it needs, is not installed. Raised when an engine is created,
/// never from inside a recognition, and its message names the Debian packages that fix it.
/// </summary>
public sealed class OcrUnavailableException : Exception
{
    public OcrUnavailableException()
    {
    }

    public OcrUnavailableException(string message)
        : base(message)
    {
    }

    public OcrUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
