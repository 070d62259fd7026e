using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Pdf;

/// <summary>
/// One PDF of a report, how it was made, and (for scans) the page images before img2pdf wrapped
/// them, which are what the determinism tests compare: the PDF around them is byte-stable too,
/// but a text PDF carries Chromium's timestamp.
/// </summary>
public sealed record PdfRendition(PdfKind Kind, byte[] Pdf, TruthRendering Rendering, IReadOnlyList<byte[]> PageImages);
