using Pipeline.Rules.Catalogue;

namespace Pipeline.Cli;

/// <summary>The --rules option of the commands that judge: the default catalogue, or the file given, or a clear error.</summary>
public static class RulesFile
{
    /// <summary>The catalogue to judge by; null (with the reason written to <paramref name="stderr"/>) when the file cannot be used.</summary>
    public static RuleCatalogue? Load(string? path, TextWriter stderr)
    {
        try
        {
            return path is null ? RuleCatalogue.Default() : RuleCatalogue.Load(path);
        }
        catch (RulesFileException e)
        {
            stderr.WriteLine($"规则文件错误：{e.Message}");
            return null;
        }
    }
}
