namespace Pipeline.Imaging;

/// <summary>
/// Bounds on the size of an image we agree to hold. A PDF bomb can declare a page of absurd size;
/// rasterising it must fail with a reason instead of exhausting memory. A 300 dpi A0 sheet
/// (9933 × 14043, 140 M pixels) does not fit: 100 M pixels hold an A1 sheet (70 M) and keep one page's
/// colour, grey and binary copies within a few hundred MB.
/// </summary>
public sealed record PixelLimits(int MaxSide = 15_000, long MaxPixels = 100_000_000)
{
    public static PixelLimits Default { get; } = new();

    /// <summary>Throws <see cref="ImageTooLargeException"/> when the size is beyond these limits, <see cref="ArgumentOutOfRangeException"/> when it is not positive.</summary>
    public void Check(long width, long height)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"Image size {width}x{height} is not positive.");
        }

        if (width > MaxSide || height > MaxSide || width * height > MaxPixels)
        {
            throw new ImageTooLargeException(width, height, this);
        }
    }
}
