using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>One word (or character) Tesseract read, where it lies in the image it was given, and its confidence from 0 to 1.</summary>
public sealed record OcrWord(string Text, Rect Box, double Confidence);
