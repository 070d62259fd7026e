using Pipeline.Imaging;

namespace Pipeline.Ocr;

/// <summary>Resizes a grey image: area averaging when shrinking, so thin strokes fade instead of vanishing; bilinear when enlarging.</summary>
internal static class Scaling
{
    public static GrayImage By(GrayImage image, double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        var width = Math.Max(1, (int)Math.Round(image.Width * factor));
        var height = Math.Max(1, (int)Math.Round(image.Height * factor));
        return factor < 1 ? Shrink(image, width, height) : Bilinear(image, width, height);
    }

    private static GrayImage Shrink(GrayImage image, int width, int height)
    {
        var result = GrayImage.Blank(width, height);
        var scaleX = (double)image.Width / width;
        var scaleY = (double)image.Height / height;
        for (var y = 0; y < height; y++)
        {
            var top = (int)(y * scaleY);
            var bottom = Math.Max(top + 1, Math.Min(image.Height, (int)((y + 1) * scaleY)));
            var target = result.Row(y);
            for (var x = 0; x < width; x++)
            {
                var left = (int)(x * scaleX);
                var right = Math.Max(left + 1, Math.Min(image.Width, (int)((x + 1) * scaleX)));
                var sum = 0;
                for (var sy = top; sy < bottom; sy++)
                {
                    foreach (var value in image.Row(sy)[left..right])
                    {
                        sum += value;
                    }
                }

                target[x] = (byte)(sum / ((bottom - top) * (right - left)));
            }
        }

        return result;
    }

    /// <summary>Bilinear resampling to any size, pixel centres mapped onto pixel centres.</summary>
    public static GrayImage Bilinear(GrayImage image, int width, int height)
    {
        var result = GrayImage.Blank(width, height);
        var scaleX = (double)image.Width / width;
        var scaleY = (double)image.Height / height;
        for (var y = 0; y < height; y++)
        {
            var sy = Math.Clamp(((y + 0.5) * scaleY) - 0.5, 0, image.Height - 1);
            var y0 = (int)sy;
            var y1 = Math.Min(y0 + 1, image.Height - 1);
            var fy = sy - y0;
            var top = image.Row(y0);
            var bottom = image.Row(y1);
            var target = result.Row(y);
            for (var x = 0; x < width; x++)
            {
                var sx = Math.Clamp(((x + 0.5) * scaleX) - 0.5, 0, image.Width - 1);
                var x0 = (int)sx;
                var x1 = Math.Min(x0 + 1, image.Width - 1);
                var fx = sx - x0;
                var upper = (top[x0] * (1 - fx)) + (top[x1] * fx);
                var lower = (bottom[x0] * (1 - fx)) + (bottom[x1] * fx);
                target[x] = (byte)Math.Round((upper * (1 - fy)) + (lower * fy));
            }
        }

        return result;
    }
}
