using System.Runtime.InteropServices;

namespace Pipeline.Ocr;

/// <summary>
/// Tesseract's C API (capi.h), called in-process so that reading a cell costs a
/// recognition, not a process start. Every handle is owned by one <see cref="TesseractEngine"/>.
/// </summary>
internal static unsafe partial class TesseractNative
{
    public const string Library = "libtesseract.so.5";

    /// <summary>TessOcrEngineMode: the legacy classifier only (osd.traineddata has nothing else).</summary>
    public const int OemTesseractOnly = 0;

    /// <summary>TessOcrEngineMode: the LSTM recogniser only.</summary>
    public const int OemLstmOnly = 1;

    [LibraryImport(Library)]
    public static partial nint TessVersion();

    [LibraryImport(Library)]
    public static partial void TessDeleteText(nint text);

    [LibraryImport(Library)]
    public static partial void TessDeleteIntArray(nint array);

    [LibraryImport(Library)]
    public static partial TesseractHandle TessBaseAPICreate();

    [LibraryImport(Library)]
    public static partial void TessBaseAPIDelete(nint handle);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPIInit2(TesseractHandle handle, string datapath, string language, int oem);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIEnd(nint handle);

    [LibraryImport(Library)]
    public static partial void TessBaseAPIClear(TesseractHandle handle);

    /// <returns>Nonzero (C BOOL) when the variable exists and was set.</returns>
    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int TessBaseAPISetVariable(TesseractHandle handle, string name, string value);

    [LibraryImport(Library)]
    public static partial void TessBaseAPISetPageSegMode(TesseractHandle handle, int mode);

    /// <remarks>Tesseract copies the pixels into its own image, so they need only stay pinned for the call.</remarks>
    [LibraryImport(Library)]
    public static partial void TessBaseAPISetImage(TesseractHandle handle, byte* imagedata, int width, int height, int bytesPerPixel, int bytesPerLine);

    /// <remarks>Only after <see cref="TessBaseAPISetImage"/>, which resets it.</remarks>
    [LibraryImport(Library)]
    public static partial void TessBaseAPISetSourceResolution(TesseractHandle handle, int ppi);

    /// <returns>UTF-8 text to free with <see cref="TessDeleteText"/>, or null.</returns>
    [LibraryImport(Library)]
    public static partial nint TessBaseAPIGetUTF8Text(TesseractHandle handle);

    /// <returns>0..100, the mean of the word confidences of the last recognition.</returns>
    [LibraryImport(Library)]
    public static partial int TessBaseAPIMeanTextConf(TesseractHandle handle);

    /// <returns>A -1-terminated array of 0..100 values to free with <see cref="TessDeleteIntArray"/>, or null.</returns>
    [LibraryImport(Library)]
    public static partial nint TessBaseAPIAllWordConfidences(TesseractHandle handle);

    /// <returns>0 on success.</returns>
    [LibraryImport(Library)]
    public static partial int TessBaseAPIRecognize(TesseractHandle handle, nint monitor);

    /// <returns>An iterator over the last recognition to free with <see cref="TessResultIteratorDelete"/>, or null when nothing was found.</returns>
    [LibraryImport(Library)]
    public static partial nint TessBaseAPIGetIterator(TesseractHandle handle);

    [LibraryImport(Library)]
    public static partial void TessResultIteratorDelete(nint iterator);

    /// <returns>Nonzero (C BOOL) while there is a next element at the level.</returns>
    [LibraryImport(Library)]
    public static partial int TessResultIteratorNext(nint iterator, int level);

    /// <returns>UTF-8 text to free with <see cref="TessDeleteText"/>, or null.</returns>
    [LibraryImport(Library)]
    public static partial nint TessResultIteratorGetUTF8Text(nint iterator, int level);

    /// <returns>0..100.</returns>
    [LibraryImport(Library)]
    public static partial float TessResultIteratorConfidence(nint iterator, int level);

    /// <returns>The page iterator inside a result iterator, owned by it.</returns>
    [LibraryImport(Library)]
    public static partial nint TessResultIteratorGetPageIteratorConst(nint iterator);

    /// <returns>Nonzero (C BOOL) when the element has a box.</returns>
    [LibraryImport(Library)]
    public static partial int TessPageIteratorBoundingBox(nint iterator, int level, int* left, int* top, int* right, int* bottom);

    /// <remarks>
    /// The script name points into the OSD model's character set, owned by the handle:
    /// Tesseract 4 and 5 no longer allocate it, despite capi.h's older comment, so it is not freed.
    /// </remarks>
    [LibraryImport(Library)]
    public static partial int TessBaseAPIDetectOrientationScript(TesseractHandle handle, int* orientDeg, float* orientConf, nint* scriptName, float* scriptConf);
}
