using System.Runtime.CompilerServices;

namespace Pipeline.Imaging;

/// <summary>
/// Turns a colour scan into grey with the red or orange seal (公章) taken out. Seal ink lies over the page
/// as a multiplying filter, so under it the page's own grey is dimmed by the seal's colour: dividing by the
/// seal's colour gives the page back, seal gone, and keeps the grey edges of the characters and rulings it
/// covers. Pixels away from a seal keep their luminance.
/// </summary>
/// <remarks>
/// Whitening red pixels outright, as this filter once did, also whitened the anti-aliased edges of thin
/// digits under a seal, and a "0" came out as a broken "ʋ". Two estimates of the page are made and the
/// darker kept: the red channel over the seal's red, which the seal dims least, and the luminance over the
/// seal's luminance. JPEG keeps colour at half resolution, so a thin ruling under the seal takes the seal's
/// red from its neighbours and fades in the red channel, while its darkness stays in the luminance. The
/// seal's colour is measured once per page (over clearly red pixels), since stamps differ in colour
/// and wear; the correction is confined to pixels near clearly red ones, so speckled colour noise on black
/// text far from any seal does not lighten it.
/// </remarks>
/// <param name="RednessStart">Red minus the larger of green and blue at which a pixel starts to count as seal-tinted.</param>
/// <param name="RednessFull">Red minus the larger of green and blue from which a pixel is wholly seal-tinted.</param>
/// <param name="SealRedness">Redness of the seal's own ink: pixels this red measure the seal's colour.</param>
/// <param name="TraceRedness">
/// Redness from which a bright pixel marks where seal ink lies. It is lower than <paramref name="SealRedness"/>
/// because JPEG keeps colour at half resolution: a seal's thin strokes (its inner ring, its characters) take
/// paper's colour from their neighbours and come out pale pink, too pale to measure the seal by, yet they
/// are seal and must be taken out with it.
/// </param>
/// <param name="Reach">How far, in pixels, from seal ink a pixel may be and still be corrected.</param>
public sealed record SealFilter(int RednessStart = 6, int RednessFull = 24, int SealRedness = 60, int TraceRedness = 40, int Reach = 4)
{
    /// <summary>Seal ink is bright; darker red pixels are print seen through it, not the seal's colour.</summary>
    private const int SealRedFloor = 128;

    public static SealFilter Default { get; } = new();

    /// <summary>The page in grey with the seal taken out.</summary>
    public GrayImage Apply(RgbImage image) => Separate(image).Page;

    /// <summary>
    /// The page in grey with the seal taken out, and where the seal's ink lay (<see cref="SealedPage.Seal"/>):
    /// whatever lay under it is read from what the division gave back, and may have lost a stroke.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public unsafe SealedPage Separate(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        int width = image.Width, height = image.Height, count = width * height;
        var gray = GC.AllocateUninitializedArray<byte>(count);
        var redness = GC.AllocateUninitializedArray<byte>(count);
        var sealRed = stackalloc long[256];
        var sealLuma = stackalloc long[256];
        long sealPixels = 0;
        fixed (byte* rgb = image.Pixels, luma = gray, red = redness)
        {
            var p = rgb;
            for (var i = 0; i < count; i++, p += 3)
            {
                int r = p[0], g = p[1], b = p[2];
                var y = ((77 * r) + (150 * g) + (29 * b)) >> 8;
                var d = Math.Max(0, r - Math.Max(g, b));
                luma[i] = (byte)y;
                red[i] = (byte)d;
                if (d >= SealRedness && r >= SealRedFloor)
                {
                    sealRed[r]++;
                    sealLuma[y]++;
                    sealPixels++;
                }
            }

            if (sealPixels == 0)
            {
                return new SealedPage(new GrayImage(width, height, gray), null);
            }

            var seal = Math.Max(1, Percentile(sealRed, sealPixels, 0.5));
            // The seal's darker ink, not its middle: over the median, half the seal would stay as grey specks.
            var sealDarkness = Math.Max(1, Percentile(sealLuma, sealPixels, 0.3));
            var (near, mask) = NearSeal(rgb, redness, width, height);
            var weight = stackalloc int[256];
            for (var v = 0; v < 256; v++)
            {
                weight[v] = v <= RednessStart ? 0
                    : v >= RednessFull ? 256
                    : ((v - RednessStart) * 256) / Math.Max(1, RednessFull - RednessStart);
            }

            fixed (byte* isNear = near)
            {
                for (var i = 0; i < count; i++)
                {
                    var w = weight[red[i]];
                    if (w == 0 || isNear[i] == 0)
                    {
                        continue;
                    }

                    int y = luma[i];
                    var unmixed = Math.Min(255, Math.Min(rgb[i * 3] * 255 / seal, y * 255 / sealDarkness));
                    luma[i] = (byte)(y + (((unmixed - y) * w) >> 8));
                }
            }

            return new SealedPage(new GrayImage(width, height, gray), new GrayImage(width, height, mask));
        }
    }

    /// <summary>
    /// 1 where seal ink lies within <see cref="Reach"/> pixels (a square), else 0; and the seal's own ink as a
    /// picture, black (0) on white (255), so that a turn of the page turns it alike and white fills the corners.
    /// </summary>
    private unsafe (byte[] Near, byte[] Mask) NearSeal(byte* rgb, byte[] redness, int width, int height)
    {
        var seal = new byte[redness.Length];
        var mask = GC.AllocateUninitializedArray<byte>(redness.Length);
        for (var i = 0; i < redness.Length; i++)
        {
            var ink = redness[i] >= TraceRedness && rgb[i * 3] >= SealRedFloor;
            seal[i] = ink ? (byte)1 : (byte)0;
            mask[i] = ink ? (byte)0 : (byte)255;
        }

        // A square is a spread along the rows, then one down the columns.
        var across = new byte[redness.Length];
        var near = new byte[redness.Length];
        Spread(seal, across, lines: height, length: width, lineStep: width, step: 1);
        Spread(across, near, lines: width, length: height, lineStep: 1, step: width);
        return (near, mask);
    }

    /// <summary>Marks every pixel of each line within <see cref="Reach"/> of a marked one, by a running count over the window.</summary>
    private void Spread(byte[] marked, byte[] spread, int lines, int length, int lineStep, int step)
    {
        for (var line = 0; line < lines; line++)
        {
            var first = line * lineStep;
            var inWindow = 0;
            for (var at = -Reach; at < length + Reach; at++)
            {
                var entering = at + Reach;
                if (entering < length)
                {
                    inWindow += marked[first + (entering * step)];
                }

                var leaving = at - Reach - 1;
                if (leaving >= 0)
                {
                    inWindow -= marked[first + (leaving * step)];
                }

                if (at >= 0 && at < length && inWindow > 0)
                {
                    spread[first + (at * step)] = 1;
                }
            }
        }
    }

    private static unsafe int Percentile(long* histogram, long total, double share)
    {
        long below = 0;
        for (var v = 0; v < 256; v++)
        {
            below += histogram[v];
            if (below >= share * total)
            {
                return v;
            }
        }

        return 255;
    }
}
