using System.Text;

namespace Pipeline.Reading;

/// <summary>
/// Decodes text as offices save it: UTF-8 (with or without BOM), UTF-16 with BOM, or
/// GB18030 (which covers GBK and GB2312). Refuses bytes that are not text.
/// </summary>
public static class TextDecoder
{
    /// <summary>Labels that WHATWG decodes as GBK; GB18030 is a superset of all of them.</summary>
    private static readonly HashSet<string> GbCharsets = new(StringComparer.OrdinalIgnoreCase)
    {
        "gbk", "gb2312", "gb18030", "gb_2312-80", "x-gbk", "cp936", "ms936", "windows-936", "csgb2312", "chinese", "euc-cn",
    };

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
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
            throw new UnreadableException($"文件内容不是文字，也不是可识别的文档格式（支持 {FileSignature.SupportedKinds}）。");
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

    /// <summary>
    /// Decodes text that names its charset, as web pages do in a meta tag. A GBK/GB2312/GB18030
    /// declaration is honoured when the bytes decode under it; a wrong one (pages re-saved as
    /// UTF-8 often keep their old meta tag) falls back to sniffing. A byte order mark wins.
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset)
    {
        if (declaredCharset is not null && GbCharsets.Contains(declaredCharset.Trim()) && !HasByteOrderMark(bytes) && !LooksBinary(bytes))
        {
            var gb = Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
            try
            {
                return gb.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // The declaration is wrong; the bytes decide.
            }
        }

        return Decode(bytes);
    }

    private static bool HasByteOrderMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

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
    internal static bool LooksBinary(ReadOnlySpan<byte> bytes)
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
