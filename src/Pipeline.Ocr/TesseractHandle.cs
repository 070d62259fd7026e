using Microsoft.Win32.SafeHandles;

namespace Pipeline.Ocr;

/// <summary>A TessBaseAPI*, freed exactly once even when its engine is never disposed.</summary>
internal sealed class TesseractHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TesseractHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        TesseractNative.TessBaseAPIEnd(handle);
        TesseractNative.TessBaseAPIDelete(handle);
        return true;
    }
}
