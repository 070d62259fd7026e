namespace Pipeline.Ocr;

/// <summary>
/// A number cell as first read. <see cref="Sole"/> is set when one model alone read it, with the confidence it
/// gave; <see cref="Read"/> is then held below the threshold until a second reading or the table confirms it.
/// </summary>
public sealed record NumberReading(OcrText Read, OcrText? Sole = null)
{
    public bool AwaitsCheck => Sole is not null;
}
