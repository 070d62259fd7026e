using System.Text;
using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

public sealed class PnmTests
{
    [Fact]
    public void GreyImageRoundTrips()
    {
        var image = new GrayImage(3, 2, [0, 10, 20, 30, 40, 255]);
        using var stream = new MemoryStream();

        Pnm.Write(stream, image);
        stream.Position = 0;
        var read = Pnm.ReadGray(stream);

        Assert.Equal("P5\n3 2\n255\n", Encoding.ASCII.GetString(stream.ToArray(), 0, 11));
        Assert.Equal((3, 2), (read.Width, read.Height));
        Assert.Equal(image.Pixels, read.Pixels);
    }

    [Fact]
    public void ColourImageRoundTripsAndReadsAsGrey()
    {
        var image = new RgbImage(2, 1, [255, 0, 0, 10, 20, 30]);
        using var stream = new MemoryStream();

        Pnm.Write(stream, image);
        stream.Position = 0;
        var rgb = Pnm.ReadRgb(stream);
        stream.Position = 0;
        var gray = Pnm.ReadGray(stream);

        Assert.Equal(image.Pixels, rgb.Pixels);
        Assert.Equal([76, 18], gray.Pixels);
    }

    [Fact]
    public void CommentsAndOddWhitespaceInTheHeaderAreRead()
    {
        // Pixel data may begin with a byte that looks like whitespace or '#'.
        var bytes = Bytes("P5 # made by hand\n#another\r\n 2\t2 # size\n255\n", 10, 35, 32, 9);

        var read = Pnm.ReadGray(new MemoryStream(bytes));

        Assert.Equal([10, 35, 32, 9], read.Pixels);
    }

    [Fact]
    public void GreyFileReadsAsColour()
    {
        var read = Pnm.ReadRgb(new MemoryStream(Bytes("P5\n1 1\n255\n", 7)));

        Assert.Equal([7, 7, 7], read.Pixels);
    }

    [Theory]
    [InlineData("P2\n1 1\n255\n0\n", "ASCII")]
    [InlineData("P4\n1 1\n", "P4")]
    [InlineData("P7\nWIDTH 1\n", "P7")]
    [InlineData("GIF89a", "P5 or P6")]
    [InlineData("P5\n1 1\n65535\n", "maxval 65535")]
    [InlineData("P5\n1 1\n15\n", "maxval 15")]
    [InlineData("P5\nx 1\n255\n", "width is not a number")]
    [InlineData("P5\n-1 1\n255\n", "width is not a number")]
    [InlineData("P5\n0 1\n255\n", "empty image")]
    [InlineData("P5\n1 1", "ends before")]
    [InlineData("P5\n12345678901 1\n255\n", "too many digits")]
    [InlineData("P5\n1 1\n255x", "not whitespace")]
    [InlineData("P5\n2 2\n255\nab", "truncated")]
    [InlineData("", "ends before")]
    public void MalformedFilesAreRefusedWithAReason(string text, string reason)
    {
        var error = Assert.Throws<InvalidDataException>(() => Pnm.ReadGray(new MemoryStream(Encoding.ASCII.GetBytes(text))));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20_001, 10)]
    [InlineData(10, 100_000)]
    [InlineData(15_000, 15_000)]
    public void AbsurdSizesAreRefusedBeforeAllocating(int width, int height)
    {
        // The header alone: were the buffer allocated first, 15000² would take 225 MB.
        var header = Encoding.ASCII.GetBytes($"P5\n{width} {height}\n255\n");

        var error = Assert.Throws<ImageTooLargeException>(() => Pnm.ReadGray(new MemoryStream(header)));

        Assert.Contains("too large", error.Message, StringComparison.Ordinal);
        Assert.Equal(width, error.Width);
    }

    [Fact]
    public void LimitsCanBeTightened()
    {
        var bytes = Bytes("P5\n4 4\n255\n", new byte[16]);

        Assert.Throws<ImageTooLargeException>(() => Pnm.ReadGray(new MemoryStream(bytes), new PixelLimits(MaxSide: 3)));
        Assert.Equal(16, Pnm.ReadGray(new MemoryStream(bytes)).Pixels.Length);
    }

    [Fact]
    public void FilesRoundTrip()
    {
        var folder = TestFiles.TempFolder();
        try
        {
            var path = Path.Combine(folder, "page.ppm");
            var image = RgbImage.Blank(5, 4, 200, 100, 50);

            Pnm.Write(path, image);

            Assert.Equal(image.Pixels, Pnm.ReadRgb(path).Pixels);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static byte[] Bytes(string header, params byte[] pixels) => [.. Encoding.ASCII.GetBytes(header), .. pixels];
}
