namespace Pipeline.Model.Schema;

/// <summary>What a cell may hold (rule NUM-FORM).</summary>
public enum ValueKind
{
    /// <summary>A non-negative integer.</summary>
    Count,

    /// <summary>A non-negative decimal; the 2019 format may print 元 or 万元.</summary>
    Money,

    /// <summary>A signed integer, written "减4", "-4", "+2" or "增加2".</summary>
    SignedCount,
}
