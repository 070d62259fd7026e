namespace Pipeline.Reading;

/// <summary>
/// A whole annual report is tens of kilobytes of text; a text or web page many megabytes long
/// is something else, and reading it line by line would cost memory for nothing.
/// </summary>
public static class TextLimits
{
    public const int MaxTextBytes = 8 * 1024 * 1024;

    public static void EnsureReportSized(InputFile file)
    {
        if (file.Content.Length > MaxTextBytes)
        {
            throw new UnreadableException(
                $"文字内容有 {file.Content.Length / 1024d / 1024d:0.#} MB，远超一份年度报告的篇幅（文本上限 {MaxTextBytes / 1024 / 1024} MB），请确认提交的文件是否正确。");
        }
    }
}
