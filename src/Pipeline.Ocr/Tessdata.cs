namespace Pipeline.Ocr;

/// <summary>Where Tesseract's language data (*.traineddata) lives, and which languages need which Debian package.</summary>
public static class Tessdata
{
    /// <summary>Debian's folders, newest first: tesseract-ocr 5 and 4.</summary>
    private static readonly string[] DebianFolders =
    [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
    ];

    /// <summary>
    /// TESSDATA_PREFIX when set (as Tesseract itself reads it), else the first Debian folder that exists,
    /// else null.
    /// </summary>
    public static string? Locate()
    {
        var prefix = Environment.GetEnvironmentVariable("TESSDATA_PREFIX");
        if (!string.IsNullOrWhiteSpace(prefix))
        {
            return prefix;
        }

        return DebianFolders.FirstOrDefault(Directory.Exists);
    }

    /// <summary>The languages of a Tesseract language string such as "chi_sim+eng".</summary>
    public static IReadOnlyList<string> Languages(string language) =>
        language.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The Debian package that installs a language's data, e.g. tesseract-ocr-chi-sim for chi_sim.</summary>
    public static string DebianPackage(string language) => language switch
    {
        // eng and osd come with tesseract-ocr itself, through tesseract-ocr-eng and tesseract-ocr-osd.
        "eng" => "tesseract-ocr-eng",
        "osd" => "tesseract-ocr-osd",
        _ => "tesseract-ocr-" + language.Replace('_', '-').ToLowerInvariant(),
    };
}
