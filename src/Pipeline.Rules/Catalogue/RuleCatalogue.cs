using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Model.Results;

namespace Pipeline.Rules.Catalogue;

/// <summary>
/// The rules file: the shipped default, optionally overlaid by a user's file that changes only
/// the rules it names (to switch one off, or make a warning an error, or reword a message).
/// </summary>
public sealed class RuleCatalogue
{
    private static readonly JsonSerializerOptions Json = new()
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        PropertyNameCaseInsensitive = true,
    };

    private readonly Dictionary<string, RuleDefinition> _rules;

    private RuleCatalogue(Dictionary<string, RuleDefinition> rules, RuleSettings settings)
    {
        _rules = rules;
        Settings = settings;
    }

    public RuleSettings Settings { get; }

    public IEnumerable<RuleDefinition> Rules => _rules.Values;

    public RuleDefinition? Find(string id) => _rules.GetValueOrDefault(id);

    public static RuleCatalogue Default()
    {
        using var stream = typeof(RuleCatalogue).Assembly.GetManifestResourceStream("default-rules.json")
            ?? throw new InvalidOperationException("default-rules.json is not embedded.");
        var file = Parse(stream, "default-rules.json");
        var rules = file.Rules.ToDictionary(
            r => r.Id,
            r => new RuleDefinition
            {
                Id = r.Id,
                Enabled = r.Enabled ?? true,
                Severity = r.Severity ?? Severity.Error,
                Title = r.Title,
                Messages = r.Messages ?? new Dictionary<string, string>(),
            },
            StringComparer.Ordinal);
        return new RuleCatalogue(rules, new RuleSettings(file.ConfidenceThreshold ?? 0.9));
    }

    /// <summary>The default catalogue with a user's rules file laid over it.</summary>
    public static RuleCatalogue Load(string path)
    {
        var defaults = Default();
        if (!File.Exists(path))
        {
            throw new RulesFileException($"找不到规则文件：{path}");
        }

        using var stream = File.OpenRead(path);
        var file = Parse(stream, path);
        var rules = new Dictionary<string, RuleDefinition>(defaults._rules, StringComparer.Ordinal);
        foreach (var rule in file.Rules)
        {
            if (!rules.TryGetValue(rule.Id, out var current))
            {
                throw new RulesFileException($"规则文件 {path} 中的规则编号“{rule.Id}”不存在。可用的编号：{string.Join("、", rules.Keys)}");
            }

            var messages = new Dictionary<string, string>(current.Messages);
            foreach (var (variant, text) in rule.Messages ?? new Dictionary<string, string>())
            {
                messages[variant] = text;
            }

            rules[rule.Id] = current with
            {
                Enabled = rule.Enabled ?? current.Enabled,
                Severity = rule.Severity ?? current.Severity,
                Title = rule.Title ?? current.Title,
                Messages = messages,
            };
        }

        var threshold = file.ConfidenceThreshold ?? defaults.Settings.ConfidenceThreshold;
        if (threshold is < 0 or > 1)
        {
            throw new RulesFileException($"规则文件 {path} 中的 confidenceThreshold 应在 0 到 1 之间，实际为 {threshold}。");
        }

        return new RuleCatalogue(rules, new RuleSettings(threshold));
    }

    private static RulesFile Parse(Stream stream, string name)
    {
        try
        {
            var file = JsonSerializer.Deserialize<RulesFile>(stream, Json)
                ?? throw new RulesFileException($"规则文件 {name} 是空的。");
            if (file.Rules.FirstOrDefault(r => string.IsNullOrWhiteSpace(r.Id)) is not null)
            {
                throw new RulesFileException($"规则文件 {name} 中有规则缺少 id。");
            }

            return file;
        }
        catch (JsonException e)
        {
            throw new RulesFileException($"规则文件 {name} 不是有效的 JSON（第 {e.LineNumber + 1} 行附近）：{e.Message}", e);
        }
    }

    private sealed record RulesFile
    {
        [JsonPropertyName("confidenceThreshold")]
        public double? ConfidenceThreshold { get; init; }

        [JsonPropertyName("rules")]
        public IReadOnlyList<RuleEntry> Rules { get; init; } = [];
    }

    /// <summary>A rule as a file states it: whatever it leaves out keeps its current setting.</summary>
    private sealed record RuleEntry
    {
        [JsonPropertyName("id")]
        public string Id { get; init; } = string.Empty;

        [JsonPropertyName("enabled")]
        public bool? Enabled { get; init; }

        [JsonPropertyName("severity")]
        public Severity? Severity { get; init; }

        [JsonPropertyName("title")]
        public string? Title { get; init; }

        [JsonPropertyName("messages")]
        public IReadOnlyDictionary<string, string>? Messages { get; init; }
    }
}
