namespace Pipeline.Reading;

/// <summary>
/// Recognises binary formats by their first bytes, so a file no reader takes is refused with
/// its real name ("这是 PDF 文件") instead of being read as garbled text.
/// </summary>
public static class FileSignature
{
    private static readonly (byte[] Magic, string Name)[] Known =
    [
        ("%PDF"u8.ToArray(), "PDF"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "旧版 Office（.doc/.xls）或加密的 Office"),
        ([0x50, 0x4B, 0x03, 0x04], "ZIP 压缩包"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG 图片"),
        ([0xFF, 0xD8, 0xFF], "JPEG 图片"),
        ("GIF8"u8.ToArray(), "GIF 图片"),
        ("II*\0"u8.ToArray(), "TIFF 图片"),
        ("MM\0*"u8.ToArray(), "TIFF 图片"),
        ("Rar!"u8.ToArray(), "RAR 压缩包"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z 压缩包"),
        ("{\\rtf"u8.ToArray(), "RTF"),
    ];

    /// <summary>The kinds of file a report may come as, for messages: every reader's, kept in one place.</summary>
    public const string SupportedKinds = "txt、html、docx 或 pdf（含扫描件）";

    /// <summary>The Chinese name of a known binary format, or null for anything else.</summary>
    public static string? Describe(InputFile file) =>
        Known.FirstOrDefault(k => file.StartsWith(k.Magic)).Name;
}
