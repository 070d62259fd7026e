namespace Pipeline.Checking;

/// <summary>Bounds on what one file may cost.</summary>
public sealed record CheckLimits(long MaxBytes = 50L * 1024 * 1024)
{
    public static CheckLimits Default { get; } = new();
}
