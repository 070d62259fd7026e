using Pipeline.Mapping;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;
using Pipeline.Rules;
using Pipeline.Rules.Catalogue;

namespace Pipeline.Checking;

/// <summary>The readers in the order they are tried: by magic bytes first, plain text last.</summary>
public static class ReaderSet
{
    public static IReadOnlyList<IReportReader> Default() => [new PdfReader(), new DocxReader(), new HtmlReader(), new PlainTextReader()];

    public static ReportChecker CreateChecker(RuleCatalogue? catalogue = null, CheckLimits? limits = null) =>
        new(Default(), new ReportMapper(), new ReportValidator(catalogue ?? RuleCatalogue.Default()), limits ?? CheckLimits.Default);
}
