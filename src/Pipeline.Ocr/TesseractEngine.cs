using System.Runtime.InteropServices;
using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>
/// One Tesseract instance, initialised once for a language ("chi_sim", "eng", "chi_sim+eng", or "osd" for
/// orientation) and then used for any number of images. Not for two threads at once: take engines from an
/// <see cref="EnginePool"/> to read in parallel.
/// </summary>
public sealed class TesseractEngine : IDisposable
{
    private const string WhitelistVariable = "tessedit_char_whitelist";

    private readonly TesseractHandle handle;

    // Calls on one TessBaseAPI must not overlap; a lease normally guarantees it, the lock makes misuse harmless.
    private readonly Lock gate = new();

    /// <summary>Initialises Tesseract for <paramref name="language"/>, with the data in <paramref name="tessdataPath"/> or the one <see cref="Tessdata.Locate"/> finds.</summary>
    /// <exception cref="OcrUnavailableException">The library or the language data is missing.</exception>
    public TesseractEngine(string language, string? tessdataPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        _ = TesseractLibrary.Version;

        var folder = tessdataPath ?? Tessdata.Locate() ?? throw new OcrUnavailableException(
            "找不到 Tesseract 语言数据目录（已查找 TESSDATA_PREFIX、/usr/share/tesseract-ocr/5/tessdata 和 "
            + "/usr/share/tesseract-ocr/4.00/tessdata）。请安装 Debian 软件包 tesseract-ocr 和 tesseract-ocr-chi-sim。");
        var languages = Tessdata.Languages(language);
        if (languages.Count == 0)
        {
            throw new ArgumentException("No language in '" + language + "'.", nameof(language));
        }

        foreach (var one in languages)
        {
            var file = Path.Combine(folder, one + ".traineddata");
            if (!File.Exists(file))
            {
                throw new OcrUnavailableException(
                    $"找不到 Tesseract 语言数据 {file}。请安装 Debian 软件包 {Tessdata.DebianPackage(one)}"
                    + "（以及 tesseract-ocr），或将环境变量 TESSDATA_PREFIX 设为含有该文件的目录。");
            }
        }

        Language = language;
        TessdataPath = folder;
        handle = TesseractNative.TessBaseAPICreate();
        if (handle.IsInvalid)
        {
            throw new OcrUnavailableException("Tesseract 无法创建识别实例（TessBaseAPICreate 返回空指针）。");
        }

        // osd.traineddata holds only the legacy classifier; the languages are read by the LSTM recogniser.
        var oem = languages.Contains("osd") ? TesseractNative.OemTesseractOnly : TesseractNative.OemLstmOnly;
        if (TesseractNative.TessBaseAPIInit2(handle, folder, language, oem) != 0)
        {
            handle.Dispose();
            throw new OcrUnavailableException(
                $"Tesseract 无法加载语言 {language}（目录 {folder}）：语言数据可能已损坏或版本不符。"
                + $"请重新安装 Debian 软件包 tesseract-ocr 和 {string.Join("、", languages.Select(Tessdata.DebianPackage))}。");
        }

        // Tesseract's warnings (empty page, estimated resolution) would otherwise go to stderr for every cell.
        TesseractNative.TessBaseAPISetVariable(handle, "debug_file", "/dev/null");

        // Pages reach Tesseract dark on light, seals removed; reading every doubtful line a second time
        // inverted (white on black) only costs about a quarter of the time.
        TesseractNative.TessBaseAPISetVariable(handle, "tessedit_do_invert", "0");
    }

    /// <summary>The Tesseract library's version, e.g. "5.3.0".</summary>
    /// <exception cref="OcrUnavailableException">The library is missing.</exception>
    public static string Version => TesseractLibrary.Version;

    /// <summary>The language string the engine was initialised with.</summary>
    public string Language { get; }

    /// <summary>The folder the language data was loaded from.</summary>
    public string TessdataPath { get; }

    /// <summary>
    /// Reads <paramref name="image"/> as a whole. The confidence is that of the least certain word, because a cell
    /// or a label is only as sure as its weakest part; 0 when nothing was read. <paramref name="whitelist"/>
    /// holds for this call only.
    /// </summary>
    public OcrText Recognize(GrayImage image, PageSegmentation mode, string? whitelist, int dpi)
    {
        var (text, _, words) = Run(image, mode, whitelist, dpi);
        return new OcrText(text, words.Count == 0 ? 0 : words.Min() / 100.0);
    }

    /// <summary>Reads running text and splits it into its non-empty lines; the confidence is the mean over all words.</summary>
    public OcrLines RecognizeLines(GrayImage image, PageSegmentation mode, int dpi)
    {
        var (text, mean, _) = Run(image, mode, whitelist: null, dpi);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new OcrLines(lines, mean / 100.0);
    }

    /// <summary>
    /// Reads <paramref name="image"/> and returns its words, or its characters, with their boxes (in the image's
    /// pixels) and confidences, in reading order. <paramref name="whitelist"/> holds for this call only.
    /// </summary>
    public IReadOnlyList<OcrWord> RecognizeParts(GrayImage image, PageSegmentation mode, string? whitelist, int dpi, OcrLevel level = OcrLevel.Word)
    {
        lock (gate)
        {
            SetImage(image, mode, whitelist, dpi);
            try
            {
                if (TesseractNative.TessBaseAPIRecognize(handle, 0) != 0)
                {
                    return [];
                }

                var iterator = TesseractNative.TessBaseAPIGetIterator(handle);
                if (iterator == 0)
                {
                    return [];
                }

                try
                {
                    return Parts(iterator, (int)level);
                }
                finally
                {
                    TesseractNative.TessResultIteratorDelete(iterator);
                }
            }
            finally
            {
                TesseractNative.TessBaseAPIClear(handle);
            }
        }
    }

    /// <summary>
    /// The page's orientation from the OSD model; only an engine initialised with "osd" can do it.
    /// A page with too little text gives 0° with confidence 0.
    /// </summary>
    public PageOrientation DetectOrientation(GrayImage page, int dpi)
    {
        if (!Tessdata.Languages(Language).Contains("osd"))
        {
            throw new InvalidOperationException("Orientation needs an engine initialised with \"osd\", not \"" + Language + "\".");
        }

        lock (gate)
        {
            SetImage(page, PageSegmentation.OsdOnly, whitelist: null, dpi);
            try
            {
                unsafe
                {
                    int degrees;
                    float orientationConfidence;
                    nint script;
                    float scriptConfidence;
                    var found = TesseractNative.TessBaseAPIDetectOrientationScript(
                        handle, &degrees, &orientationConfidence, &script, &scriptConfidence);
                    return found == 0
                        ? new PageOrientation(0, 0, "", 0)
                        : new PageOrientation(degrees, orientationConfidence, Marshal.PtrToStringUTF8(script) ?? "", scriptConfidence);
                }
            }
            finally
            {
                TesseractNative.TessBaseAPIClear(handle);
            }
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            handle.Dispose();
        }
    }

    private (string Text, int Mean, IReadOnlyList<int> Words) Run(GrayImage image, PageSegmentation mode, string? whitelist, int dpi)
    {
        lock (gate)
        {
            SetImage(image, mode, whitelist, dpi);
            try
            {
                var text = TakeText(TesseractNative.TessBaseAPIGetUTF8Text(handle));
                var mean = TesseractNative.TessBaseAPIMeanTextConf(handle);
                var words = TakeConfidences(TesseractNative.TessBaseAPIAllWordConfidences(handle));
                return (text.Trim(), Math.Max(mean, 0), words);
            }
            finally
            {
                // Frees the image and the results now rather than at the next call.
                TesseractNative.TessBaseAPIClear(handle);
            }
        }
    }

    private void SetImage(GrayImage image, PageSegmentation mode, string? whitelist, int dpi)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dpi);
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);

        // Variables outlive a recognition, so every call sets the whitelist, empty meaning all characters:
        // a digits-only read must not leak into the next label.
        TesseractNative.TessBaseAPISetVariable(handle, WhitelistVariable, whitelist ?? "");
        TesseractNative.TessBaseAPISetPageSegMode(handle, (int)mode);
        unsafe
        {
            fixed (byte* pixels = image.Pixels)
            {
                TesseractNative.TessBaseAPISetImage(handle, pixels, image.Width, image.Height, 1, image.Width);
            }
        }

        TesseractNative.TessBaseAPISetSourceResolution(handle, dpi);
    }

    private static unsafe List<OcrWord> Parts(nint iterator, int level)
    {
        var words = new List<OcrWord>();
        var page = TesseractNative.TessResultIteratorGetPageIteratorConst(iterator);
        do
        {
            var text = TakeText(TesseractNative.TessResultIteratorGetUTF8Text(iterator, level)).Trim();
            int left, top, right, bottom;
            if (text.Length == 0 || TesseractNative.TessPageIteratorBoundingBox(page, level, &left, &top, &right, &bottom) == 0)
            {
                continue;
            }

            var confidence = TesseractNative.TessResultIteratorConfidence(iterator, level);
            words.Add(new OcrWord(text, Rect.FromEdges(left, top, right, bottom), Math.Clamp(confidence / 100.0, 0, 1)));
        }
        while (TesseractNative.TessResultIteratorNext(iterator, level) != 0);

        return words;
    }

    private static string TakeText(nint text)
    {
        if (text == 0)
        {
            return "";
        }

        try
        {
            return Marshal.PtrToStringUTF8(text) ?? "";
        }
        finally
        {
            TesseractNative.TessDeleteText(text);
        }
    }

    private static unsafe IReadOnlyList<int> TakeConfidences(nint array)
    {
        if (array == 0)
        {
            return [];
        }

        try
        {
            var values = new List<int>();
            for (var p = (int*)array; *p >= 0; p++)
            {
                values.Add(*p);
            }

            return values;
        }
        finally
        {
            TesseractNative.TessDeleteIntArray(array);
        }
    }
}
