using System.IO.Compression;
using System.Text;

namespace Pipeline.Hostile.Tests;

/// <summary>The hostile corpus, generated at test time: every file is small or made on the fly, nothing large is committed.</summary>
public static class HostileCorpus
{
    private const string Unreadable = "unreadable";

    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static IReadOnlyList<HostileCase> All { get; } =
    [
        // The issue's table, row by row.
        new("docx-10000-nested-tables", d => [Write(d, "nested.docx", Docx(NestedTables(10_000)))], Unreadable, ["嵌套超过"], 2),
        new("html-rowspan0-colspan1000", d => [Write(d, "spans.html", Html(SpanRows(1_000)))], Unreadable, ["合并单元格", "覆盖超过"], 2),
        new("pdf-4-million-segments", d => [Write(d, "segments.pdf", MiniPdf.Page(595, 842, Segments(2_000_000)))], Unreadable, ["图形过于复杂"], 2),
        new("pdf-blank-4999pt-page", d => [Write(d, "huge-page.pdf", MiniPdf.Page(4999, 4999, MiniPdf.Ascii("")))], Unreadable, ["尺寸异常"], 2),
        new("html-200000-nested-divs", d => [Write(d, "divs.html", Html(Repeat("<div>", 200_000)))], Unreadable, ["嵌套超过"], 2),
        new("html-7mb-nested-divs", d => [Write(d, "divs7.html", Html(Repeat("<div class=x>", 560_000)))], Unreadable, ["嵌套超过"], 2),
        new("folder-with-symlink-loop", d => [FolderWithLoop(d)], "passed", ["通过"], 0) { Results = 1 },
        new("dangling-symlink", d => [Link(d, "gone.txt", Path.Combine(d, "nothing-here.txt"))], Unreadable, ["不存在"], 2),
        new("looping-file-symlinks", LinkLoop, Unreadable, ["循环的符号链接"], 2),
        new("fifo", d => [Fifo(d)], Unreadable, ["命名管道"], 2),
        new("dev-zero", d => [Link(d, "zero.txt", "/dev/zero")], Unreadable, ["设备文件"], 2),
        new("png-renamed-pdf", d => [Write(d, "report.pdf", Png())], Unreadable, ["PNG 图片"], 2),
        new("pdf-one-report-15-times", d => [Unite(d, "fifteen.pdf", Enumerable.Repeat(Fixture("passing-2020.pdf"), 15))], "needsReview", ["15 份年度报告"], 1),
        new("docx-xml-inflating-to-1gb", d => [Write(d, "inflate.docx", Docx(null, inflateBytes: 1L << 30))], Unreadable, ["解压后超过", "压缩比异常"], 2),

        // Zips, entities.
        new("docx-zip-bomb-ratio", d => [Write(d, "ratio.docx", Docx(null, inflateBytes: 64L << 20))], Unreadable, ["压缩比异常"], 2),
        new("docx-zip-lying-sizes", d => [Write(d, "lying.docx", LyingSizes(Docx(null, inflateBytes: 200L << 20)))], Unreadable, ["解压后超过", "已损坏"], 2),
        new("docx-xxe", d => [Write(d, "xxe.docx", Docx(Xxe()))], Unreadable, ["DTD"], 2),
        new("docx-billion-laughs", d => [Write(d, "laughs.docx", Docx(BillionLaughs()))], Unreadable, ["DTD"], 2),
        new("docx-200000-cells", d => [Write(d, "cells.docx", Docx(ManyCells(200_000)))], Unreadable, ["表格单元格"], 2),
        new("html-300000-cells", d => [Write(d, "cells.html", Html("<table><tr>" + Repeat("<td>1", 300_000) + "</table>"))], Unreadable, ["表格单元格"], 2),
        new("html-billion-laughs", d => [Write(d, "laughs.html", Encoding.UTF8.GetBytes(BillionLaughs()))], Unreadable, ["不是政府信息公开工作年度报告", "没有找到正文"], 2),

        // PDFs.
        new("pdf-declared-1000000-pages", d => [Write(d, "count.pdf", MiniPdf.Page(595, 842, MiniPdf.Ascii("BT ET"), pagesExtra: "/Count 1000000"))], Unreadable, ["声明的页数与文件实际含有的内容不符"], 2),
        new("pdf-declared-5-pages-holds-1", d => [Write(d, "count5.pdf", MiniPdf.Page(595, 842, MiniPdf.Ascii("BT ET"), pagesExtra: "/Count 5"))], Unreadable, ["不是政府信息公开工作年度报告", "损坏", "不符"], 2),
        new("pdf-broken-xref", d => [Write(d, "xref.pdf", MiniPdf.Page(595, 842, MiniPdf.Ascii("BT ET"), brokenXref: true))], Unreadable, ["不是政府信息公开工作年度报告", "损坏"], 2),
        new("pdf-nested-arrays", d => [Write(d, "arrays.pdf", MiniPdf.Page(595, 842, MiniPdf.Ascii("BT ET"), pageExtra: "/Deep " + Repeat("[", 100_000) + Repeat("]", 100_000)))], Unreadable, ["不是政府信息公开工作年度报告", "损坏"], 2),
        new("pdf-nested-object-streams", d => [Write(d, "objstm.pdf", NestedObjectStreams(2_000))], Unreadable, ["不是政府信息公开工作年度报告", "损坏"], 2),
        new("pdf-javascript", d => [Write(d, "js.pdf", MiniPdf.Page(595, 842, MiniPdf.Ascii("BT ET"), catalogExtra: "/OpenAction << /S /JavaScript /JS (app.alert\\(1\\); while\\(true\\){}) >>"))], Unreadable, ["不是政府信息公开工作年度报告"], 2),
        new("pdf-user-password", d => [Encrypt(d, "user.pdf", "secret")], Unreadable, ["加密"], 2),
        new("pdf-owner-password-only", d => [Encrypt(d, "owner.pdf", string.Empty)], "passed", ["通过"], 0),
        new("pdf-truncated", d => [Write(d, "truncated.pdf", File.ReadAllBytes(Fixture("passing-2020.pdf"))[..4000])], Unreadable, ["损坏"], 2),
        new("pdf-millions-of-operators", d => [Write(d, "ops.pdf", MiniPdf.Page(595, 842, MiniPdf.Ascii(Repeat("q Q ", 600_000))))], Unreadable, ["绘制指令过多"], 2),

        // Images and other formats under report names.
        new("jpeg-renamed-docx", d => [Write(d, "report.docx", [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, .. "JFIF"u8, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0])], Unreadable, ["JPEG 图片"], 2),
        new("gif-renamed-html", d => [Write(d, "report.html", [.. "GIF89a"u8, 1, 0, 1, 0, 0, 0, 0, 0x3B])], Unreadable, ["GIF 图片"], 2),
        new("zip-not-docx", d => [Write(d, "report.docx", Zip(("notes.txt", "hello"u8.ToArray())))], Unreadable, ["没有 Word 正文"], 2),
        new("random-bytes", d => [Write(d, "report.txt", Random(100_000))], Unreadable, ["不是文字"], 2),
        new("empty-file", d => [Write(d, "empty.txt", [])], Unreadable, ["文件是空的"], 2),
        new("txt-one-report-twice", d => [Write(d, "twice.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(File.ReadAllText(Seed("003")), 2))))], "needsReview", ["2 份年度报告"], 1),

        // Names and folders.
        new("name-with-shell-metacharacters-and-newline", d => [Write(d, "a;$(touch x)`id`|&*?[1]'\"\n<b>.txt", File.ReadAllBytes(Seed("003")))], "passed", ["通过"], 0),
        new("empty-folder", d => [Directory.CreateDirectory(Path.Combine(d, "empty")).FullName], null, ["没有找到要检查的报告文件"], 2) { InBatch = false },
        new("folder-of-10000-empty-files", EmptyFiles, Unreadable, ["文件是空的"], 2) { Results = 10_000, InBatch = false },

        // The deadline, for a document that reads legitimately but slowly.
        new("deadline-2s-on-scanned-pdf", d => [Copy(d, Fixture("passing-2021-scan.pdf"))], Unreadable, ["超过时限"], 2)
        {
            Environment = new Dictionary<string, string> { ["Check__TimeoutSeconds"] = "2" },
            InBatch = false,
        },
        new("memory-budget-8mb-on-scanned-pdf", d => [Copy(d, Fixture("passing-2021-scan.pdf"))], Unreadable, ["内存超过上限（8 MB）"], 2)
        {
            Environment = new Dictionary<string, string> { ["Check__MaxDocumentMegabytes"] = "8" },
            InBatch = false,
        },
        new("deadline-5s-on-slow-drawing", d => [Write(d, "slow.pdf", SlowDrawing(40_000))], Unreadable, ["超过时限"], 2)
        {
            Environment = new Dictionary<string, string> { ["Check__TimeoutSeconds"] = "5" },
            InBatch = false,
        },
    ];

    /// <summary>
    /// A page of thick random strokes under the path limit and without text: read as a scan, it is rendered at
    /// 300 dpi, which takes pdftoppm a minute or more. For the deadline and for killing the host mid-render.
    /// </summary>
    public static byte[] SlowDrawing(int strokes)
    {
        var random = new Random(3);
        var content = new StringBuilder("20 w\n");
        for (var i = 0; i < strokes; i++)
        {
            content.Append(System.Globalization.CultureInfo.InvariantCulture, $"{random.Next(595)} {random.Next(842)} m {random.Next(595)} {random.Next(842)} l S\n");
        }

        return MiniPdf.Page(595, 842, MiniPdf.Ascii(content.ToString()));
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public static string Seeds => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "seeds"));

    public static string Seed(string prefix) => Directory.EnumerateFiles(Seeds, prefix + "_*.txt").Single();

    public static string Fixture(string name) => Path.Combine(RepositoryRoot, "tests", "fixtures", "pdf", name);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Write(string folder, string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Copy(string folder, string source) => Write(folder, Path.GetFileName(source), File.ReadAllBytes(source));

    private static string Repeat(string text, int times) => new StringBuilder(text.Length * times).Insert(0, text, times).ToString();

    private static byte[] Html(string body) => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>2023年政府信息公开工作年度报告</title></head><body>" + body + "</body></html>");

    private static string SpanRows(int rows) => "<table>" + Repeat("<tr><td rowspan=0 colspan=1000>0</td><td>1</td></tr>", rows) + "</table>";

    /// <summary>A page of line segments: one moveto, then pairs of lineto.</summary>
    private static byte[] Segments(int pairs) => MiniPdf.Ascii("0 0 m\n" + Repeat("10 10 l 20 0 l\n", pairs) + "S\n");

    private static string NestedTables(int depth) =>
        WordBody(Repeat("<w:tbl><w:tr><w:tc>", depth) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + Repeat("</w:tc></w:tr></w:tbl>", depth));

    private static string ManyCells(int cells) => WordBody("<w:tbl><w:tr>" + Repeat("<w:tc><w:p/></w:tc>", cells) + "</w:tr></w:tbl>");

    private static string WordBody(string body) =>
        $"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>{body}</w:body></w:document>";

    private static string Xxe() =>
        $"<?xml version=\"1.0\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>";

    private static string BillionLaughs()
    {
        var entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (var i = 1; i <= 9; i++)
        {
            entities.Append($"<!ENTITY lol{i} \"{Repeat($"&lol{i - 1};", 10)}\">");
        }

        return $"<?xml version=\"1.0\"?><!DOCTYPE w:document [{entities}]><w:document xmlns:w=\"{WordNamespace}\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>";
    }

    /// <summary>A Word package around the given document.xml, or around one inflating to <paramref name="inflateBytes"/> of spaces.</summary>
    private static byte[] Docx(string? documentXml, long inflateBytes = 0)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            var document = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize);
            using var stream = document.Open();
            if (documentXml is not null)
            {
                stream.Write(Encoding.UTF8.GetBytes(documentXml));
            }
            else
            {
                stream.Write(Encoding.UTF8.GetBytes(WordBody("<w:p><w:r><w:t xml:space=\"preserve\">").Split("</w:t>")[0]));
                var spaces = new byte[1 << 20];
                Array.Fill(spaces, (byte)' ');
                for (long written = 0; written < inflateBytes; written += spaces.Length)
                {
                    stream.Write(spaces);
                }

                stream.Write("</w:t></w:r></w:p></w:body></w:document>"u8);
            }
        }

        return output.ToArray();
    }

    private static void Entry(ZipArchive zip, string name, string text)
    {
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static byte[] Zip(params (string Name, byte[] Bytes)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>The zip with every entry's uncompressed size, in local and central headers, claimed to be 1,000 bytes.</summary>
    private static byte[] LyingSizes(byte[] zip)
    {
        var bytes = (byte[])zip.Clone();
        for (var i = 0; i + 30 < bytes.Length; i++)
        {
            var signature = BitConverter.ToUInt32(bytes, i);
            var sizeAt = signature switch
            {
                0x04034b50 => i + 22,
                0x02014b50 => i + 24,
                _ => -1,
            };
            if (sizeAt > 0 && BitConverter.ToUInt32(bytes, sizeAt) > 1_000_000)
            {
                BitConverter.GetBytes(1000u).CopyTo(bytes, sizeAt);
            }
        }

        return bytes;
    }

    /// <summary>A chain of object streams, each extending the one before, the last extending the first.</summary>
    private static byte[] NestedObjectStreams(int count)
    {
        var objects = new List<byte[]>
        {
            MiniPdf.Ascii("<< /Type /Catalog /Pages 2 0 R >>"),
            MiniPdf.Ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            MiniPdf.Ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 5 0 R >>"),
            MiniPdf.Stream(MiniPdf.Ascii("BT ET")),
        };
        var first = objects.Count + 1;
        for (var i = 0; i < count; i++)
        {
            var own = first + i;
            var extends = i == 0 ? first + count - 1 : own - 1;
            var held = $"{1000 + i} 0 ";
            objects.Add(MiniPdf.Stream(MiniPdf.Ascii(held + "<< /Next " + (1000 + i + 1) + " 0 R >>"), $"/Type /ObjStm /N 1 /First {held.Length} /Extends {extends} 0 R"));
        }

        return MiniPdf.Write(objects);
    }

    private static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, 0x90, 0x77, 0x53, 0xDE];

    private static byte[] Random(int length)
    {
        var bytes = new byte[length];
        new Random(10).NextBytes(bytes);
        return bytes;
    }

    private static string Link(string folder, string name, string target)
    {
        var path = Path.Combine(folder, name);
        File.CreateSymbolicLink(path, target);
        return path;
    }

    /// <summary>a.txt links to b.txt, which links back to a.txt.</summary>
    private static IReadOnlyList<string> LinkLoop(string folder) =>
        [Link(folder, "b.txt", Path.Combine(folder, "a.txt")), Link(folder, "a.txt", Path.Combine(folder, "b.txt"))];

    /// <summary>A folder holding a link to itself (and one to its parent) beside one real report.</summary>
    private static string FolderWithLoop(string folder)
    {
        var reports = Directory.CreateDirectory(Path.Combine(folder, "loop")).FullName;
        File.Copy(Seed("003"), Path.Combine(reports, "report.txt"));
        Directory.CreateSymbolicLink(Path.Combine(reports, "self"), reports);
        Directory.CreateSymbolicLink(Path.Combine(reports, "up"), folder);
        return reports;
    }

    private static string Fifo(string folder)
    {
        var path = Path.Combine(folder, "pipe.txt");
        Tool("mkfifo", path);
        return path;
    }

    private static IReadOnlyList<string> EmptyFiles(string folder)
    {
        var many = Directory.CreateDirectory(Path.Combine(folder, "many")).FullName;
        for (var i = 0; i < 10_000; i++)
        {
            File.WriteAllBytes(Path.Combine(many, $"{i:D5}.txt"), []);
        }

        return [many];
    }

    private static string Unite(string folder, string name, IEnumerable<string> pdfs)
    {
        var path = Path.Combine(folder, name);
        Tool("pdfunite", [.. pdfs, path]);
        return path;
    }

    private static string Encrypt(string folder, string name, string userPassword)
    {
        var path = Path.Combine(folder, name);
        Tool("qpdf", "--encrypt", userPassword, "owner-secret", "256", "--", Fixture("passing-2020.pdf"), path);
        return path;
    }

    private static void Tool(string program, params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}");
        }
    }
}
