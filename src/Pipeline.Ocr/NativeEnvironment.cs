using System.Runtime.InteropServices;

namespace Pipeline.Ocr;

/// <summary>
/// The process environment as native libraries read it. .NET keeps its own copy of the environment on Linux,
/// so Environment.SetEnvironmentVariable never reaches a library that calls getenv; setenv does.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> unless the process was started with a value for it.</summary>
    public static void SetDefault(string name, string value)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = setenv(name, value, overwrite: 0);
        }
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
