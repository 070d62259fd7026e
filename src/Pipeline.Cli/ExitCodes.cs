namespace Pipeline.Cli;

/// <summary>0: every report passed; 1: a report failed or needs review; 2: unreadable input or wrong usage.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int Findings = 1;
    public const int Unusable = 2;
}
