namespace Pipeline.Imaging;

/// <summary>
/// A page with its seal taken out (<see cref="SealFilter"/>), and where the seal's ink lay: black (0) on white
/// (255), the same size as <see cref="Page"/>; null when the page bears no seal.
/// </summary>
public sealed record SealedPage(GrayImage Page, GrayImage? Seal)
{
    /// <summary>Both pictures turned alike (<see cref="Rotation.Rotate"/>).</summary>
    public SealedPage Rotate(double degrees) =>
        new(Rotation.Rotate(Page, degrees), Seal is null ? null : Rotation.Rotate(Seal, degrees));
}
