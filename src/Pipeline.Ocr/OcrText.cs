namespace Pipeline.Ocr;

/// <summary>What Tesseract read, with its confidence from 0 (none) to 1 (certain).</summary>
public sealed record OcrText(string Text, double Confidence);
