using System.Text.Json.Serialization;

namespace Pipeline.Model.Results;

[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("passed")]
    Passed,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("needsReview")]
    NeedsReview,

    [JsonStringEnumMemberName("unreadable")]
    Unreadable,
}

public static class VerdictText
{
    public static string Chinese(this Verdict verdict) => verdict switch
    {
        Verdict.Passed => "通过",
        Verdict.Failed => "未通过",
        Verdict.NeedsReview => "需人工复核",
        Verdict.Unreadable => "无法读取",
        _ => verdict.ToString(),
    };
}
