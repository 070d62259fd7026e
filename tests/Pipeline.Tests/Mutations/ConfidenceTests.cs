using Pipeline.Checking;
using Pipeline.Mapping;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Results;
using Pipeline.Model.Schema;
using Pipeline.Reading;
using Pipeline.Rules;
using Pipeline.Rules.Catalogue;

namespace Pipeline.Tests.Mutations;

/// <summary>
/// EXT-CONFIDENCE without OCR: a value read with low confidence on which an error rests sends
/// the report to a person (needsReview) instead of failing it; the same value read with full
/// confidence fails it.
/// </summary>
public sealed class ConfidenceTests
{
    private const string NaturalPerson = "applications.newReceived.naturalPerson";

    [Theory]
    [InlineData(0.5, Verdict.NeedsReview)]
    [InlineData(0.89, Verdict.NeedsReview)]
    [InlineData(0.9, Verdict.Failed)] // the default threshold itself is confident enough
    [InlineData(1.0, Verdict.Failed)]
    public void AnIdentityBrokenOnACellReadWithLowConfidenceNeedsReview(double confidence, Verdict verdict)
    {
        // Seed 003 line 84 prints 4 (newReceived.naturalPerson); the "recogniser" read it as 5.
        var layout = Recognised(Read("003"), line: 84, text: "5", confidence);

        var result = Checker(layout).Check(new InputFile("003-scan.pdf", new byte[] { 1 }));

        Assert.Equal(verdict, result.Verdict);
        List<ExpectedFinding> expected =
        [
            new("TXT-AGENCY", []), // 003's own, see SeedTruth
            new("T3-ROW-TOTAL", Address.AppRow("newReceived"), 5, 4), // 003 line 90: total 4
            new("T3-BALANCE", Address.Balance("naturalPerson"), 5, 4), // 5 + 0 against 3 + 1 (003 lines 361, 370)
        ];
        if (verdict == Verdict.NeedsReview)
        {
            // One per error that rests on the doubtful cell, naming that cell only.
            foreach (var rule in new[] { "T3-ROW-TOTAL", "T3-BALANCE" })
            {
                expected.Add(new ExpectedFinding("EXT-CONFIDENCE", [NaturalPerson])
                {
                    MessageParts = [rule, "表三“一、本年新收政府信息公开申请数量”行“自然人”列（读作“5”，置信度" + confidence.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "）", "0.9"],
                });
            }
        }

        FindingAssert.Exactly(result.Findings, expected);
        Assert.Equal(confidence, result.Cells[NaturalPerson].Confidence);
        Assert.Equal(5, result.Tables["applications"]["newReceived"]["naturalPerson"]);
    }

    [Fact]
    public void AnotherErrorOnConfidentCellsStillFailsTheReport()
    {
        // 003 line 84 read as 5 with low confidence, and line 407 (行政复议 结果维持) read as 1 with full confidence.
        var layout = Recognised(Recognised(Read("003"), line: 84, text: "5", confidence: 0.5), line: 407, text: "1", confidence: 1.0);

        var result = Checker(layout).Check(new InputFile("003-scan.pdf", new byte[] { 1 }));

        Assert.Equal(Verdict.Failed, result.Verdict);
        Assert.Equal(2, result.Findings.Count(f => f.Rule == "EXT-CONFIDENCE"));
        Assert.All(result.Findings.Where(f => f.Rule == "EXT-CONFIDENCE"), f => Assert.Equal([NaturalPerson], f.Cells));
        Assert.Contains(result.Findings, f => f.Rule == "T4-GROUP-TOTAL" && f.IsViolation && f.Expected == 1 && f.Actual == 0);
    }

    [Fact]
    public void ALowConfidenceCellThatNoErrorRestsOnChangesNothing()
    {
        // 003 line 85 (newReceived.commercial) read as 0, rightly, but with low confidence.
        var layout = Recognised(Read("003"), line: 85, text: "0", confidence: 0.3);

        var result = Checker(layout).Check(new InputFile("003-scan.pdf", new byte[] { 1 }));

        Assert.Equal(Verdict.Passed, result.Verdict);
        Assert.DoesNotContain(result.Findings, f => f.Rule == "EXT-CONFIDENCE");
    }

    [Theory]
    [InlineData(0.5, Verdict.NeedsReview)]
    [InlineData(1.0, Verdict.Failed)]
    public void AHandBuiltReportWithADoubtfulCellNeedsReview(double confidence, Verdict verdict)
    {
        var report = HandBuilt(confidence);

        var validation = new ReportValidator(RuleCatalogue.Default()).Validate(report);

        Assert.Equal(verdict, validation.Verdict);
        List<ExpectedFinding> expected =
        [
            new("T3-ROW-TOTAL", Address.AppRow("newReceived"), 1, 0),
            new("T3-BALANCE", Address.Balance("naturalPerson"), 1, 0),
        ];
        if (verdict == Verdict.NeedsReview)
        {
            expected.Add(new ExpectedFinding("EXT-CONFIDENCE", [NaturalPerson]) { MessageParts = ["T3-ROW-TOTAL", "读作“1”，置信度0.50"] });
            expected.Add(new ExpectedFinding("EXT-CONFIDENCE", [NaturalPerson]) { MessageParts = ["T3-BALANCE", "读作“1”，置信度0.50"] });
        }

        FindingAssert.Exactly(validation.Findings, expected);
    }

    /// <summary>
    /// A heading OCR did not find may be a misread heading: on a scan whose text was read below the threshold,
    /// the error goes to a person (with the EXT-CONFIDENCE note that it rests on recognised text); on a scan read
    /// surely, and in a document with real text, it fails.
    /// </summary>
    [Theory]
    [InlineData(SourceKinds.PdfScan, 0.9, Verdict.NeedsReview)]
    [InlineData(SourceKinds.PdfScan, 0.979, Verdict.NeedsReview)]
    [InlineData(SourceKinds.PdfScan, 0.99, Verdict.Failed)]
    [InlineData(SourceKinds.PdfText, 1.0, Verdict.Failed)]
    public void AMissingHeadingOnAScanNeedsReviewButFailsElsewhere(string source, double textConfidence, Verdict verdict)
    {
        var complete = HandBuilt(1.0);
        var report = complete with
        {
            SourceKind = source,
            TextConfidence = textConfidence,
            Sections = [.. complete.Sections.Where(s => s.Key != SectionSchema.Sections[0].Key)],
            Applications = Balanced(),
        };

        var validation = new ReportValidator(RuleCatalogue.Default()).Validate(report);

        Assert.Equal(verdict, validation.Verdict);
        Assert.Contains(validation.Findings, f => f.Rule == "DOC-SECTIONS" && f.Severity == Severity.Error);
        var note = validation.Findings.Where(f => f.Rule == "EXT-CONFIDENCE").ToList();
        if (verdict == Verdict.NeedsReview)
        {
            Assert.Contains("DOC-SECTIONS所依据的文字来自扫描件的文字识别", Assert.Single(note).Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(note);
        }
    }

    /// <summary>A cell OCR found ink in but could not read leaves the table partly read: review, not a pass.</summary>
    [Theory]
    [InlineData(SourceKinds.PdfScan, Verdict.NeedsReview)]
    [InlineData(SourceKinds.PdfText, Verdict.Passed)]
    public void AnUnreadCellOnAScanNeedsReviewEvenWithoutAnError(string source, Verdict verdict)
    {
        var report = HandBuilt(1.0) with { SourceKind = source, Applications = Balanced() };
        const string address = "activeDisclosure.licensing.decisions";
        report.ActiveDisclosure!.Set("licensing", "decisions", new CellValue(address, "", null, new LayoutOrigin(Page: 2, Confidence: 0)));

        var validation = new ReportValidator(RuleCatalogue.Default()).Validate(report);

        Assert.Equal(verdict, validation.Verdict);
        Assert.DoesNotContain(validation.Findings, f => f.Severity == Severity.Error);
        if (verdict == Verdict.NeedsReview)
        {
            var note = Assert.Single(validation.Findings, f => f.Rule == "EXT-CONFIDENCE");
            Assert.Equal([address], note.Cells);
            Assert.Contains("表格只读出了一部分", note.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Table 三 all zeros, read with full confidence.</summary>
    private static ReportTable Balanced()
    {
        var applications = new ReportTable(TableKeys.Applications);
        foreach (var row in ApplicationsSchema.Rows2021)
        {
            foreach (var column in ApplicationsSchema.Columns)
            {
                applications.Set(row.Key, column.Key, new CellValue(ReportTable.Address(TableKeys.Applications, row.Key, column.Key), "0", 0, new LayoutOrigin(Page: 3, Confidence: 0.99)));
            }
        }

        return applications;
    }

    private static LayoutDocument Read(string seed)
    {
        var path = TestFiles.Seed(seed);
        return new PlainTextReader().Read(new InputFile(Path.GetFileName(path), File.ReadAllBytes(path)));
    }

    /// <summary>The layout as a recogniser would give it: a scan, with one cell read as <paramref name="text"/> at this confidence.</summary>
    private static LayoutDocument Recognised(LayoutDocument layout, int line, string text, double confidence)
    {
        var found = 0;
        var blocks = layout.Blocks.Select(block => block is LayoutTable table
            ? table with
            {
                Rows = [.. table.Rows.Select(row => new LayoutRow([.. row.Cells.Select(cell =>
                {
                    if (cell.Origin.Line != line)
                    {
                        return cell;
                    }

                    found++;
                    return cell with { Text = text, Origin = cell.Origin with { Confidence = confidence } };
                })]))],
            }
            : block).ToList();
        Assert.Equal(1, found);
        return new LayoutDocument(SourceKinds.PdfScan, blocks);
    }

    private static ReportChecker Checker(LayoutDocument layout) =>
        new([new FixedLayout(layout)], new ReportMapper(), new ReportValidator(RuleCatalogue.Default()), CheckLimits.Default);

    /// <summary>
    /// A complete, consistent 2021 report of zeros, built without any reader, except that
    /// newReceived.naturalPerson holds 1 (its total 0) at the given confidence.
    /// </summary>
    private static AnnualReport HandBuilt(double confidence)
    {
        var applications = new ReportTable(TableKeys.Applications);
        foreach (var row in ApplicationsSchema.Rows2021)
        {
            foreach (var column in ApplicationsSchema.Columns)
            {
                var doubtful = row.Key == "newReceived" && column.Key == "naturalPerson";
                var address = ReportTable.Address(TableKeys.Applications, row.Key, column.Key);
                applications.Set(row.Key, column.Key, new CellValue(address, doubtful ? "1" : "0", doubtful ? 1 : 0, new LayoutOrigin(Page: 3, Confidence: doubtful ? confidence : 0.99)));
            }
        }

        var disclosure = new ReportTable(TableKeys.ActiveDisclosure);
        foreach (var item in ActiveDisclosureSchema.Items2021)
        {
            foreach (var row in item.Rows)
            {
                foreach (var column in item.Columns)
                {
                    disclosure.Set(row.Key, column.Key, new CellValue(ReportTable.Address(TableKeys.ActiveDisclosure, row.Key, column.Key), "0", 0, new LayoutOrigin(Page: 2, Confidence: 0.99)));
                }
            }
        }

        var review = new ReportTable(TableKeys.ReviewLitigation);
        foreach (var group in ReviewLitigationSchema.Groups)
        {
            foreach (var column in ReviewLitigationSchema.Columns)
            {
                review.Set(group.Key, column.Key, new CellValue(ReportTable.Address(TableKeys.ReviewLitigation, group.Key, column.Key), "0", 0, new LayoutOrigin(Page: 4, Confidence: 0.99)));
            }
        }

        var origin = new LayoutOrigin(Page: 1);
        return new AnnualReport
        {
            SourceKind = SourceKinds.PdfScan,
            Title = "某区教育局2021年政府信息公开工作年度报告",
            Agency = "某区教育局",
            Year = 2021,
            YearMentions = [new YearMention("title", 2021, "某区教育局2021年政府信息公开工作年度报告", origin)],
            Vintage = Vintage.Format2021,
            Sections = [.. SectionSchema.Sections.Select((s, i) => new ReportSection(s.Key, s.Heading, "本部分内容。", i, origin))],
            ActiveDisclosure = disclosure,
            Applications = applications,
            ReviewLitigation = review,
        };
    }

    /// <summary>A reader that hands over a layout made in the test, as a recogniser would.</summary>
    private sealed class FixedLayout(LayoutDocument layout) : IReportReader
    {
        public string Kind => layout.SourceKind;

        public bool CanRead(InputFile file) => true;

        public LayoutDocument Read(InputFile file, CancellationToken cancellationToken = default) => layout;
    }
}
