namespace Pipeline.Imaging;

public enum Orientation
{
    Horizontal,
    Vertical,
}
