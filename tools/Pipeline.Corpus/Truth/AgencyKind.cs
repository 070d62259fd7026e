namespace Pipeline.Corpus.Truth;

/// <summary>The level of the body that publishes the report; it decides how the text names itself.</summary>
public enum AgencyKind
{
    Town,
    Township,
    Subdistrict,
    Bureau,
}

public static class AgencyKindText
{
    /// <summary>How the body's own text refers to it: a 镇 says 我镇, a 街道 says 我街道.</summary>
    public static string SelfReference(this AgencyKind kind) => kind switch
    {
        AgencyKind.Town => "我镇",
        AgencyKind.Township => "我乡",
        AgencyKind.Subdistrict => "我街道",
        AgencyKind.Bureau => "我局",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
