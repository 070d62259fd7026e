using System.Text;
using Pipeline.Checking;
using Pipeline.Model.Results;
using Pipeline.Reading;
using Pipeline.Reading.Pdf;

namespace Pipeline.Tests.Pdf;

/// <summary>Every broken or hostile PDF ends as "unreadable" with a Chinese reason, in bounded time, leaving no temporary files.</summary>
// PDF tests share the temporary folder check, so they do not run beside each other.
[Collection("pdf")]
public sealed class PdfFaultTests
{
    private readonly ReportChecker _checker = ReaderSet.CreateChecker();

    public static TheoryData<string, byte[], string> Faults() => new()
    {
        { "zero pages", HandMadePdf.Pages(0), "没有任何页面" },
        { "too many pages", HandMadePdf.Pages(61), "超过上限 60 页" },
        { "huge page (PDF bomb)", HandMadePdf.Pages(1, "[0 0 200000 200000]"), "尺寸异常" },
        { "corrupt", Encoding.Latin1.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\n garbage \u0000\u0001 trailer"), "已损坏" },
        { "not really a PDF", Encoding.UTF8.GetBytes("%PDF-1.4\n<html><body>这其实是网页</body></html>"), "已损坏" },
        {
            "encrypted",
            HandMadePdf.Write(
                ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
                 "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <" + new string('1', 64) + "> /U <" + new string('2', 64) + "> >>"],
                "/Encrypt 4 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] "),
            "已加密"
        },
        { "a blank page with no text layer, and OCR switched off", HandMadePdf.Pages(1), "扫描件" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public void BrokenPdfIsUnreadableWithAChineseReason(string fault, byte[] pdf, string reason)
    {
        var before = TempFolders();

        var result = _checker.Check(new InputFile(fault + ".pdf", pdf));

        Assert.Equal(Verdict.Unreadable, result.Verdict);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Equal(before, TempFolders());
    }

    [Fact]
    public void ADeeplyNestedObjectTreeEndsWithinTheDocumentTimeLimit()
    {
        var depth = 200_000;
        var nested = new string('[', depth) + new string(']', depth);
        var pdf = HandMadePdf.Write(
            ["<< /Type /Catalog /Pages 2 0 R /Deep 4 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>", nested]);
        var reader = new PdfReader(new PdfLimits(Timeout: TimeSpan.FromSeconds(20)), null);
        var started = DateTime.UtcNow;

        var error = Assert.Throws<UnreadableException>(() => reader.Read(new InputFile("deep.pdf", pdf)));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    private static string[] TempFolders() =>
        Directory.EnumerateDirectories(Path.GetTempPath(), "pipeline-*").Where(d => !Path.GetFileName(d).StartsWith("pipeline-tests-", StringComparison.Ordinal)).Order().ToArray();
}
