using Pipeline.Mapping;
using Pipeline.Ocr;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;
using Pipeline.Rules;
using Pipeline.Rules.Catalogue;

namespace Pipeline.Checking;

/// <summary>The readers in the order they are tried: by magic bytes first, plain text last.</summary>
public static class ReaderSet
{
    /// <summary>The readers; scanned PDFs are read only when an OCR engine pool is given.</summary>
    public static IReadOnlyList<IReportReader> Default(EnginePool? ocr = null, CheckLimits? limits = null) =>
        [new PdfReader((limits ?? CheckLimits.Default).Pdf, ocr is null ? null : new ScannedPageReader(ocr)), new DocxReader(), new HtmlReader(), new PlainTextReader()];

    public static ReportChecker CreateChecker(RuleCatalogue? catalogue = null, CheckLimits? limits = null, EnginePool? ocr = null) =>
        new(Default(ocr, limits), new ReportMapper(), new ReportValidator(catalogue ?? RuleCatalogue.Default()), limits ?? CheckLimits.Default);
}
