using System.Text.Json;
using Pipeline.Storage;

namespace Pipeline.Cli;

/// <summary><c>pipeline offices import FILE</c>: the registry from a JSON array of { code, name, kind, parent, supervisors }.</summary>
public static class OfficesCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static async Task<int> ImportAsync(string file, IOfficeRegistry registry, TextWriter stdout, TextWriter stderr)
    {
        if (!File.Exists(file))
        {
            stderr.WriteLine($"找不到单位名录文件：{file}");
            return ExitCodes.Unusable;
        }

        List<Office>? offices;
        try
        {
            offices = JsonSerializer.Deserialize<List<Office>>(await File.ReadAllTextAsync(file), Json);
        }
        catch (JsonException e)
        {
            stderr.WriteLine($"单位名录不是有效的 JSON（应为数组：[{{\"code\", \"name\", \"kind\", \"parent\", \"supervisors\": [\"…\"]}}]）：{e.Message}");
            return ExitCodes.Unusable;
        }

        var problems = new List<string>();
        for (var i = 0; i < (offices?.Count ?? 0); i++)
        {
            var o = offices![i];
            if (string.IsNullOrWhiteSpace(o.Code) || string.IsNullOrWhiteSpace(o.Name))
            {
                problems.Add($"第 {i + 1} 个单位缺少 code 或 name。");
            }

            foreach (var s in o.Supervisors.Where(s => !MimeKit.MailboxAddress.TryParse(s, out _)))
            {
                problems.Add($"单位 {o.Code} 的监督人邮箱“{s}”格式不对。");
            }
        }

        if (offices is null || problems.Count > 0)
        {
            foreach (var p in problems.DefaultIfEmpty("单位名录为空。"))
            {
                stderr.WriteLine(p);
            }

            return ExitCodes.Unusable;
        }

        foreach (var office in offices)
        {
            await registry.UpsertOfficeAsync(office);
        }

        stdout.WriteLine($"已导入 {offices.Count} 个单位。");
        return ExitCodes.Passed;
    }
}
