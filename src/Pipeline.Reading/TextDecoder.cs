using System.Text;

namespace Pipeline.Reading;

/// <summary>
/// Decodes text as offices save it: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// GB18030 (which covers GBK and GB2312). Refuses bytes that are not text.
/// </summary>
public static class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\xEF\xBB\xBF"u8))
        {
            return Strict(new UTF8Encoding(false, true), bytes[3..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Strict(new UnicodeEncoding(false, false, true), bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Strict(new UnicodeEncoding(true, false, true), bytes[2..]);
        }

        if (LooksBinary(bytes))
        {
            throw new UnreadableException("文件内容不是文字，也不是可识别的文档格式（支持 txt、html、docx）。");
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            return Strict(gb, bytes);
        }
    }

    private static string Strict(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new UnreadableException("文件的文字编码无法识别（既不是 UTF-8，也不是 GBK/GB18030）。", e);
        }
    }

    /// <summary>NUL bytes or many control characters in the first block mean binary data.</summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C))
            {
                control++;
            }
        }

        return control > head.Length / 100;
    }
}
