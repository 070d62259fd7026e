using System.Text;
using Pipeline.Checking;
using Pipeline.Model.Results;
using Pipeline.Reading;

namespace Pipeline.Tests.BadInput;

/// <summary>Whatever arrives, the checker answers with a result and a Chinese reason; it never throws.</summary>
public sealed class BadInputTests
{
    private readonly ReportChecker _checker = ReaderSet.CreateChecker();

    [Fact]
    public void EmptyFileIsUnreadable()
    {
        var result = _checker.Check(new InputFile("空.txt", Array.Empty<byte>()));

        Assert.Equal(Verdict.Unreadable, result.Verdict);
        Assert.Contains("文件是空的", result.Reason, StringComparison.Ordinal);
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", result.Id);
    }

    [Fact]
    public void RandomBytesAreUnreadable()
    {
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);

        var result = _checker.Check(new InputFile("random.bin", bytes));

        Assert.Equal(Verdict.Unreadable, result.Verdict);
        Assert.Contains("不是文字", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj", "PDF")]
    [InlineData("\u0089PNG\r\n\u001a\n", "PNG")]
    public void KnownBinaryFormatsAreNamed(string head, string name)
    {
        var result = _checker.Check(new InputFile("x", Encoding.Latin1.GetBytes(head)));

        Assert.Equal(Verdict.Unreadable, result.Verdict);
        Assert.Contains(name, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TextThatIsNotAnAnnualReportIsUnreadable()
    {
        var text = "关于做好冬季供暖工作的通知\n各社区：\n为确保辖区居民温暖过冬，现将有关事项通知如下。\n一、加强领导。\n二、做好排查。\n";

        var result = _checker.Check(new InputFile("通知.txt", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(Verdict.Unreadable, result.Verdict);
        Assert.Contains("不是政府信息公开工作年度报告", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GbkEncodedSeedReadsLikeTheUtf8One()
    {
        var text = File.ReadAllText(TestFiles.Seed("003"));
        var gbk = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!.GetBytes(text);

        var fromGbk = _checker.Check(new InputFile("gbk.txt", gbk));
        var fromUtf8 = _checker.Check(new InputFile("utf8.txt", Encoding.UTF8.GetBytes(text)));

        Assert.Equal(Verdict.Passed, fromGbk.Verdict);
        Assert.Equal(ResultJson.Serialize(fromUtf8 with { Id = "", Source = fromGbk.Source }), ResultJson.Serialize(fromGbk with { Id = "" }));
    }

    [Fact]
    public void ReportWithoutTableFourFailsOnDocTables()
    {
        var text = File.ReadAllText(TestFiles.Seed("003"));
        var start = text.IndexOf("\t行政复议", StringComparison.Ordinal);
        var end = text.IndexOf("五、存在的主要问题", StringComparison.Ordinal);
        var cut = text[..start] + text[end..];

        var result = _checker.Check(new InputFile("no-table-4.txt", Encoding.UTF8.GetBytes(cut)));

        Assert.Equal(Verdict.Failed, result.Verdict);
        var finding = Assert.Single(result.Findings, f => f.IsViolation && f.Severity == Severity.Error);
        Assert.Equal("DOC-TABLES", finding.Rule);
        Assert.Contains("缺少表四", finding.Message, StringComparison.Ordinal);
        Assert.False(result.Tables.ContainsKey("reviewLitigation"));
    }

    [Fact]
    public void TableCutOffHalfwayNamesTheMissingRowsAndSections()
    {
        var text = File.ReadAllText(TestFiles.Seed("000"));
        var cut = text[..text.IndexOf("5.属于三类内部事务信息", StringComparison.Ordinal)];

        var result = _checker.Check(new InputFile("cut.txt", Encoding.UTF8.GetBytes(cut)));

        Assert.Equal(Verdict.Failed, result.Verdict);
        var rules = result.Findings.Where(f => f.IsViolation && f.Severity == Severity.Error).Select(f => f.Rule).Distinct().Order().ToList();
        Assert.Equal(["DOC-SECTIONS", "DOC-TABLES"], rules);
        var rows = Assert.Single(result.Findings, f => f.Rule == "DOC-TABLES" && f.Message.Contains("表三缺少以下行", StringComparison.Ordinal));
        Assert.Contains("applications.withheld.internalAffairs.total", rows.Cells);
        Assert.Contains("applications.carriedForward.naturalPerson", rows.Cells);
        Assert.DoesNotContain("applications.withheld.thirdPartyRights.total", rows.Cells);
        Assert.Contains(result.Findings, f => f.Rule == "DOC-TABLES" && f.Message.Contains("缺少表四", StringComparison.Ordinal));
        var sections = Assert.Single(result.Findings, f => f.Rule == "DOC-SECTIONS");
        Assert.Contains("四、政府信息公开行政复议、行政诉讼情况", sections.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Tables["applications"]["withheld.thirdPartyRights"]["total"]);
    }

    [Fact]
    public void FileOverTheSizeLimitIsRefusedWithoutBeingHeldAndKeepsItsRealId()
    {
        var line = Encoding.UTF8.GetBytes("\t0\n");
        var size = CheckLimits.Default.MaxBytes + line.Length;
        using var stream = new RepeatingStream(line, size);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = _checker.Check("huge.txt", stream);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(Verdict.Unreadable, result.Verdict);
        Assert.Contains("超过上限 50 MB", result.Reason, StringComparison.Ordinal);
        Assert.True(allocated < 400L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
        using var again = new RepeatingStream(line, size);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(again)), result.Id);
    }

    [Fact]
    public void FiftyMegabyteTextFileWithinTheLimitIsRefusedAsTooLongForAReport()
    {
        var line = Encoding.UTF8.GetBytes("本年度共收到政府信息公开申请0件。\n");
        using var stream = new RepeatingStream(line, CheckLimits.Default.MaxBytes);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = _checker.Check("50mb.txt", stream);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(Verdict.Unreadable, result.Verdict);
        Assert.Contains("远超一份年度报告的篇幅", result.Reason, StringComparison.Ordinal);
        Assert.True(allocated < 400L * 1024 * 1024, $"allocated {allocated / 1024 / 1024} MB");
    }

    /// <summary>A long stream of one repeated chunk, made on the fly so the test holds no large buffer.</summary>
    private sealed class RepeatingStream(byte[] chunk, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = chunk[(_position + i) % chunk.Length];
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
