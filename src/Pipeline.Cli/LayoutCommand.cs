using Pipeline.Checking;
using Pipeline.Model.Layout;
using Pipeline.Ocr;
using Pipeline.Reading;

namespace Pipeline.Cli;

/// <summary>
/// Shows how a file was read (paragraphs, and tables as rows of cells): for support staff
/// answering "why was this cell read as that".
/// </summary>
public sealed class LayoutCommand(TextWriter stdout, TextWriter stderr)
{
    public int Run(string path)
    {
        if (!File.Exists(path))
        {
            stderr.WriteLine($"找不到文件：{path}");
            return ExitCodes.Unusable;
        }

        if (FileKind.Refusal(path) is { } refusal)
        {
            stderr.WriteLine($"无法读取：{refusal}");
            return ExitCodes.Unusable;
        }

        if (new FileInfo(path).Length > CheckLimits.Default.MaxBytes)
        {
            stderr.WriteLine($"无法读取：文件超过上限 {CheckLimits.Default.MaxBytes / 1024 / 1024} MB。");
            return ExitCodes.Unusable;
        }

        var file = new InputFile(Path.GetFileName(path), File.ReadAllBytes(path));
        using var ocr = new EnginePool();
        var reader = ReaderSet.Default(ocr).FirstOrDefault(r => r.CanRead(file));
        if (reader is null)
        {
            stderr.WriteLine($"不支持的文件格式。请提交 {FileSignature.SupportedKinds} 格式的年度报告。");
            return ExitCodes.Unusable;
        }

        try
        {
            foreach (var block in reader.Read(file).Blocks)
            {
                stdout.WriteLine(block switch
                {
                    LayoutParagraph p => $"[段落 {Where(p.Origin)}] {p.Text}",
                    LayoutTable t => $"[表格 {Where(t.Origin)}]\n" + string.Join('\n', t.Rows.Select(r => "  | " + string.Join(" | ", r.Cells.Select(c => c.Text)))),
                    _ => block.ToString(),
                });
            }

            return ExitCodes.Passed;
        }
        catch (UnreadableException e)
        {
            stderr.WriteLine($"无法读取：{e.Message}");
            return ExitCodes.Unusable;
        }
    }

    private static string Where(LayoutOrigin origin) =>
        origin.Line is int line ? $"第{line}行" : origin.Page is int page ? $"第{page}页" : origin.Location ?? string.Empty;
}
