using System.Runtime.InteropServices;

namespace Pipeline.Ocr;

/// <summary>
/// Whether libtesseract can be loaded, checked before the first P/Invoke so that a missing library is
/// reported by name and package instead of as a DllNotFoundException from deep inside a recognition.
/// </summary>
internal static class TesseractLibrary
{
    private static readonly Lazy<string> LoadedVersion = new(() =>
    {
        // Debian builds Tesseract with OpenMP, whose worker threads spin between the small parallel loops of one
        // cell: three times the CPU and more wall time per cell, and worse when the pipeline reads cells on several
        // threads of its own. libgomp reads the limit once, when it is loaded with libtesseract, so it goes first.
        NativeEnvironment.SetDefault("OMP_THREAD_LIMIT", "1");
        Check(TesseractNative.Library);
        return Marshal.PtrToStringUTF8(TesseractNative.TessVersion()) ?? "";
    });

    /// <summary>Tesseract's version string, e.g. "5.3.0"; throws <see cref="OcrUnavailableException"/> without the library.</summary>
    public static string Version => LoadedVersion.Value;

    /// <summary>Throws <see cref="OcrUnavailableException"/> naming the Debian packages when <paramref name="libraryName"/> cannot be loaded.</summary>
    public static void Check(string libraryName)
    {
        if (!NativeLibrary.TryLoad(libraryName, out var library))
        {
            throw new OcrUnavailableException(
                $"无法加载 Tesseract OCR 库 {libraryName}。请安装 Debian 软件包 tesseract-ocr 和 tesseract-ocr-chi-sim"
                + "（apt-get install tesseract-ocr tesseract-ocr-chi-sim）。");
        }

        // The runtime loads the library again, by the same name, for the P/Invokes; this handle was only a probe.
        NativeLibrary.Free(library);
    }
}
