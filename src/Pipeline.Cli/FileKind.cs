using System.Runtime.InteropServices;

namespace Pipeline.Cli;

/// <summary>
/// What a path on disk is, asked of the file system without opening it: opening a FIFO waits for a writer,
/// and reading /dev/zero never ends. .NET does not tell FIFOs and devices from files, so stat(2) is asked.
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int Fifo = 0x1000;
    private const int CharacterDevice = 0x2000;
    private const int Directory = 0x4000;
    private const int BlockDevice = 0x6000;
    private const int Regular = 0x8000;
    private const int Socket = 0xC000;

    /// <summary>Why the path cannot be read as a report, in Chinese; null for a regular file (or a link to one).</summary>
    public static string? Refusal(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            try
            {
                var target = File.ResolveLinkTarget(path, returnFinalTarget: true);
                if (target is null || !target.Exists && !System.IO.Directory.Exists(target.FullName))
                {
                    return $"这是一个符号链接，但它指向的文件（{info.LinkTarget}）不存在。请提交报告文件本身。";
                }
            }
            catch (IOException)
            {
                return "这是一个循环的符号链接（链接最终指向它自己），没有可读取的文件。请提交报告文件本身。";
            }
        }

        return Mode(path) switch
        {
            null or Regular => null,
            Fifo => "这是一个命名管道（FIFO），不是普通文件，读取它可能永远等不到结束，已拒绝处理。请提交报告文件本身。",
            CharacterDevice or BlockDevice => "这是一个设备文件（如 /dev/zero），不是普通文件，已拒绝处理。请提交报告文件本身。",
            Socket => "这是一个套接字（socket），不是普通文件，已拒绝处理。",
            Directory => "这是一个文件夹，不是文件。",
            _ => "这不是普通文件，已拒绝处理。请提交报告文件本身。",
        };
    }

    /// <summary>The file type bits of stat(2), following links; null where they cannot be had (not Linux, or stat failed).</summary>
    private static int? Mode(string path)
    {
        // st_mode's offset in struct stat: after st_dev, st_ino (and st_nlink on x86-64).
        var offset = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24,
            Architecture.Arm64 => 16,
            _ => -1,
        };
        if (!OperatingSystem.IsLinux() || offset < 0)
        {
            return null;
        }

        var buffer = new byte[256];
        return Stat(path, buffer) == 0 ? BitConverter.ToInt32(buffer, offset) & TypeMask : null;
    }

    [DllImport("libc", EntryPoint = "stat", SetLastError = true, CharSet = CharSet.Ansi)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, byte[] buffer);
}
