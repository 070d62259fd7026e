namespace Pipeline.Imaging;

/// <summary>An image whose declared size is beyond <see cref="PixelLimits"/>; nothing was allocated for it.</summary>
public sealed class ImageTooLargeException : Exception
{
    public ImageTooLargeException()
    {
    }

    public ImageTooLargeException(string message)
        : base(message)
    {
    }

    public ImageTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImageTooLargeException(long width, long height, PixelLimits limits)
        : base($"Image of {width}x{height} pixels is too large: at most {limits.MaxSide} pixels a side and {limits.MaxPixels} pixels in all.")
    {
        Width = width;
        Height = height;
    }

    public long Width { get; }

    public long Height { get; }
}
