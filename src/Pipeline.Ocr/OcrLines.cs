namespace Pipeline.Ocr;

/// <summary>Running text read line by line, with the mean confidence (0..1) over its words.</summary>
public sealed record OcrLines(IReadOnlyList<string> Lines, double Confidence);
