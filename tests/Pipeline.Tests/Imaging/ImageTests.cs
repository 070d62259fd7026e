using Pipeline.Imaging;

namespace Pipeline.Tests.Imaging;

public sealed class ImageTests
{
    [Fact]
    public void CropCopiesTheArea()
    {
        var image = new GrayImage(4, 3, [.. Enumerable.Range(0, 12).Select(i => (byte)i)]);

        var crop = image.Crop(new Rect(1, 1, 2, 2));

        Assert.Equal([5, 6, 9, 10], crop.Pixels);
        crop[0, 0] = 99;
        Assert.Equal(5, image[1, 1]);
    }

    [Fact]
    public void CropOutsideTheImageIsRefused()
    {
        var image = GrayImage.Blank(4, 3);

        Assert.Throws<ArgumentOutOfRangeException>(() => image.Crop(new Rect(3, 0, 2, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => image.Crop(new Rect(0, 0, 0, 1)));
    }

    [Fact]
    public void FillIsClippedToTheImage()
    {
        var image = GrayImage.Blank(3, 3);

        image.Fill(new Rect(-5, 1, 7, 10), 0);

        Assert.Equal([255, 255, 255, 0, 0, 255, 0, 0, 255], image.Pixels);
    }

    [Fact]
    public void ColourCropAndFill()
    {
        var image = RgbImage.Blank(3, 2);
        image.Fill(new Rect(1, 0, 5, 1), 200, 10, 20);

        var crop = image.Crop(new Rect(1, 0, 2, 2));

        Assert.Equal([200, 10, 20, 200, 10, 20, 255, 255, 255, 255, 255, 255], crop.Pixels);
        Assert.Equal((200, 10, 20), image.GetPixel(2, 0));
    }

    [Fact]
    public void PixelBufferMustMatchTheSize()
    {
        Assert.Throws<ArgumentException>(() => new GrayImage(2, 2, new byte[3]));
        Assert.Throws<ArgumentException>(() => new RgbImage(2, 2, new byte[4]));
        Assert.Throws<ArgumentException>(() => new BinaryImage(2, 2, new bool[5]));
    }

    [Fact]
    public void TransposeSwapsRowsAndColumns()
    {
        var image = BinaryImage.Blank(70, 40);
        image[65, 3] = true;

        var transposed = image.Transpose();

        Assert.Equal((40, 70), (transposed.Width, transposed.Height));
        Assert.True(transposed[3, 65]);
        Assert.Equal(1, transposed.CountInk());
    }

    [Fact]
    public void RectIntersection()
    {
        var a = new Rect(0, 0, 10, 10);

        Assert.Equal(new Rect(5, 5, 5, 5), a.Intersect(new Rect(5, 5, 10, 10)));
        Assert.True(a.Intersect(new Rect(20, 0, 5, 5)).IsEmpty);
        Assert.Equal(new Rect(2, 2, 6, 6), a.Inflate(-2));
    }
}
