using System.Text.Json;
using Pipeline.Checking;
using Pipeline.Mapping;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Results;
using Pipeline.Ocr;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;
using Pipeline.Rules;
using Pipeline.Rules.Catalogue;
using Pipeline.Tests.Imaging;

namespace Pipeline.Tests.Pdf;

/// <summary>
/// The second way for a number to be sure: PP-OCR confident and every identity of its table holding. The scan is
/// made at test time (a sample report printed by Chromium, rasterised at 200 dpi by pdftoppm, bound into an
/// image-only PDF by img2pdf) and read by the real models; the second readings are real Tesseract readings,
/// only recorded on their way.
/// </summary>
[Collection("pdf")]
public sealed class SureNumbersTests(SureNumbersTests.Scan scan)
    : IClassFixture<SureNumbersTests.Scan>
{
    private static readonly ReportMapper Mapper = new();

    [Fact]
    public void ATableWhoseIdentitiesHoldIsSureWithoutTheSecondReading()
    {
        var (layout, second) = scan.Read();

        var (report, validation) = new SureNumbers(Mapper, Validator()).Judge(layout);

        Assert.Equal(Verdict.Passed, validation.Verdict);
        var applications = Places(report.Applications!);
        var single = applications.Where(p => second.SingleRead.ContainsKey(p.Value)).ToList();
        // A lone 0, most of table 三, is one PP-OCR is rarely sure of (the letter O pulls at it): those are checked at once.
        Assert.True(single.Count >= 10, $"only {single.Count} of table 三's {applications.Count} numbers were PP-OCR's alone");
        var askedAgain = second.Asked.SelectMany(a => a).ToHashSet();
        Assert.DoesNotContain(single, p => askedAgain.Contains(p.Value));
        Assert.All(single, p => Assert.True(report.Cell(p.Key)!.Confidence >= 0.9, $"{p.Key}: {report.Cell(p.Key)!.Confidence}"));
        Assert.All(single, p => Assert.Equal(scan.TrueValue(p.Key), report.Cell(p.Key)!.Number));

        // Table 二 takes part in no identity: its numbers are read again by Tesseract, whatever PP-OCR's confidence.
        var disclosure = Places(report.ActiveDisclosure!).Values.Where(second.SingleReadAtFirst.Contains).ToList();
        Assert.NotEmpty(disclosure);
        Assert.All(disclosure, p => Assert.Contains(p, askedAgain));
    }

    [Fact]
    public void ACellInABrokenIdentityIsReadAgain()
    {
        var (layout, second) = scan.Read();
        var report = Mapper.Map(layout);

        // A cell of table 三 that PP-OCR alone was sure of, left of its row's total: which one depends on the
        // model's confidences, not on the test.
        var (address, place) = Places(report.Applications!)
            .Where(p => !p.Key.EndsWith(".total", StringComparison.Ordinal) && second.SingleRead.ContainsKey(p.Value))
            .FirstOrDefault();
        Assert.True(address is not null, "no cell of table 三 was PP-OCR's alone");
        var rowTotal = address[..address.LastIndexOf('.')] + ".total";

        // PP-OCR's reading of the cell one more than it is: its row total and its column's balance break.
        var misread = layout.WithCells(c => CellPlace.Of(c.Origin) == place ? c with { Text = (int.Parse(c.Text, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) } : c);
        var (judged, validation) = new SureNumbers(Mapper, Validator()).Judge(misread);

        var askedAgain = second.Asked.SelectMany(a => a).ToHashSet();
        Assert.Contains(place, askedAgain);
        var total = CellPlace.Of(judged.Cell(rowTotal)!.Origin)!.Value;
        Assert.True(!second.SingleReadAtFirst.Contains(total) || askedAgain.Contains(total), "the row total in the broken identity was not read again");
        Assert.Equal(scan.TrueValue(address), judged.Cell(address)!.Number);
        Assert.True(judged.Cell(address)!.Confidence >= 0.9);
        Assert.Equal(Verdict.Passed, validation.Verdict);
    }

    [Fact]
    public void EveryCellAFailingRuleRestsOnIsReadAgainBeforeFailed()
    {
        var (layout, second) = scan.Read();
        var report = Mapper.Map(layout);
        var (address, place) = Places(report.Applications!).First(p => second.SingleRead.ContainsKey(p.Value));

        var (judged, validation) = new SureNumbers(Mapper, Validator(new Alarm(address))).Judge(layout);

        // The identities held, so the first pass asked nothing of it; the failing rule did, and only then failed.
        Assert.Equal(2, second.Asked.Count);
        Assert.DoesNotContain(place, second.Asked[0]);
        Assert.Equal([place], second.Asked[1]);
        Assert.Equal(Verdict.Failed, validation.Verdict);
        Assert.True(judged.Cell(address)!.Confidence >= 0.9, "both models agreed on the cell");
    }

    private static ReportValidator Validator(params IRule[] extra) =>
        new(RuleCatalogue.Default(), [.. ReportValidator.InReportRules(), .. extra]);

    private static Dictionary<string, CellPlace> Places(ReportTable table) =>
        table.AllCells.Where(c => c.Number is not null && CellPlace.Of(c.Origin) is not null).ToDictionary(c => c.Address, c => CellPlace.Of(c.Origin)!.Value);

    /// <summary>A rule of the catalogue's NUM-FORM (an error) that finds fault with one cell, whatever it holds.</summary>
    private sealed class Alarm(string address) : IRule
    {
        public string Id => "NUM-FORM";

        public IEnumerable<RuleHit> Check(RuleContext context) => [RuleHit.Of([address], null, null, ("cells", address))];
    }

    /// <summary>The real second reading, with each request recorded.</summary>
    public sealed class Recorded(ISecondReading inner) : ISecondReading
    {
        public List<IReadOnlyCollection<CellPlace>> Asked { get; } = [];

        public HashSet<CellPlace> SingleReadAtFirst { get; } = [.. inner.SingleRead.Keys];

        public IReadOnlyDictionary<CellPlace, double> SingleRead => inner.SingleRead;

        public IReadOnlyDictionary<CellPlace, (string Text, double Confidence)> ReadAgain(IReadOnlyCollection<CellPlace> cells)
        {
            Asked.Add([.. cells]);
            return inner.ReadAgain(cells);
        }
    }

    /// <summary>samples/passing-2020.html as a scanner gives it, made once for the class; each test reads it afresh.</summary>
    public sealed class Scan : IDisposable
    {
        /// <summary>Binds page images into a PDF as they are (ImageMagick's policy here forbids writing PDF).</summary>
        private const string ImageToPdf = "/usr/bin/img2pdf";

        private readonly byte[] pdf;

        public Scan()
        {
            Assert.True(RenderingTools.Available && File.Exists(ImageToPdf), "Chromium, pdftoppm, ImageMagick or img2pdf is missing");
            var work = TestFiles.TempFolder();
            try
            {
                var printed = RenderingTools.PrintToPdf(File.ReadAllText(Path.Combine(TestFiles.Samples, "passing-2020.html")));
                RenderingTools.Run(RenderingTools.PdfToPpm, "-r", "200", "-gray", "-png", printed, Path.Combine(work, "page"));
                var pages = Directory.GetFiles(work, "page*.png").Order(StringComparer.Ordinal).ToArray();
                var scanned = Path.Combine(work, "scan.pdf");
                RenderingTools.Run(ImageToPdf, ["--engine", "internal", "--nodate", "--imgsize", "200dpi", .. pages, "-o", scanned]);
                pdf = File.ReadAllBytes(scanned);
            }
            finally
            {
                Directory.Delete(work, recursive: true);
            }

            Truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestFiles.Samples, "passing-2020.truth.json"))).RootElement;
        }

        public EnginePool Pool { get; } = new();

        public JsonElement Truth { get; }

        /// <summary>The truth's value of a cell (table.row.column).</summary>
        public decimal TrueValue(string address)
        {
            var (table, row, column) = Model.Schema.CellNames.Split(address);
            return Truth.GetProperty("tables").GetProperty(table).GetProperty(row).GetProperty(column).GetDecimal();
        }

        public (LayoutDocument Layout, Recorded Second) Read()
        {
            var layout = new PdfReader(PdfLimits.Default, new ScannedPageReader(Pool)).Read(new InputFile("scan.pdf", pdf));
            Assert.Equal(SourceKinds.PdfScan, layout.SourceKind);
            var second = new Recorded(layout.SecondReading!);
            return (layout with { SecondReading = second }, second);
        }

        public void Dispose() => Pool.Dispose();
    }
}
