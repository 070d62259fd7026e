using System.Runtime.CompilerServices;

namespace Pipeline.Imaging;

/// <summary>
/// Turns a colour scan into grey with the red or orange seal (公章) taken out: pixels clearly
/// redder than they are green or blue become white, everything else keeps its luminance. Black
/// text and rulings under a seal stay black, since dark pixels are not red-dominant.
/// </summary>
/// <remarks>
/// Both tests ramp rather than switch, so the pink fringe of a seal fades out instead of leaving a
/// ring of grey specks for the binarizer.
/// </remarks>
/// <param name="RednessStart">Red minus the larger of green and blue at which whitening begins.</param>
/// <param name="RednessFull">Red minus the larger of green and blue at which a bright pixel is wholly white.</param>
/// <param name="RedStart">Red value below which a pixel is dark ink, whatever its hue.</param>
/// <param name="RedFull">Red value from which a red-dominant pixel is wholly seal.</param>
public sealed record SealFilter(int RednessStart = 30, int RednessFull = 70, int RedStart = 90, int RedFull = 140)
{
    public static SealFilter Default { get; } = new();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe GrayImage Apply(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var rednessWeight = stackalloc int[256];
        var redWeight = stackalloc int[256];
        Ramp(rednessWeight, RednessStart, RednessFull);
        Ramp(redWeight, RedStart, RedFull);
        var start = Math.Max(0, RednessStart);

        var count = image.Width * image.Height;
        var gray = GC.AllocateUninitializedArray<byte>(count);
        fixed (byte* rgb = image.Pixels, output = gray)
        {
            var p = rgb;
            for (var i = 0; i < count; i++, p += 3)
            {
                int r = p[0], g = p[1], b = p[2];
                var luma = ((77 * r) + (150 * g) + (29 * b)) >> 8;
                var redness = r - Math.Max(g, b);
                if (redness <= start)
                {
                    output[i] = (byte)luma;
                    continue;
                }

                // Weights are 0..256 fixed point; their product, 0..65536.
                var weight = rednessWeight[redness] * redWeight[r];
                output[i] = (byte)(luma + (((255 - luma) * weight) >> 16));
            }
        }

        return new GrayImage(image.Width, image.Height, gray);
    }

    /// <summary>0 up to <paramref name="start"/>, 256 from <paramref name="full"/>, linear between.</summary>
    private static unsafe void Ramp(int* weights, int start, int full)
    {
        for (var v = 0; v < 256; v++)
        {
            weights[v] = v <= start ? 0
                : v >= full ? 256
                : ((v - start) * 256) / Math.Max(1, full - start);
        }
    }
}
