namespace Pipeline.Rules;

/// <summary>
/// What a rule found, before the rules file gives it a severity and words: the message
/// variant to use, the values for its placeholders, and the cells and numbers involved.
/// </summary>
public sealed record RuleHit(
    string Variant,
    IReadOnlyDictionary<string, string> Arguments,
    IReadOnlyList<string> Cells,
    decimal? Expected = null,
    decimal? Actual = null)
{
    public const string Default = "default";

    /// <summary>The variant every rule uses when its cells are missing and it cannot be checked.</summary>
    public const string Unchecked = "unchecked";

    public bool IsUnchecked => Variant == Unchecked;

    public static RuleHit Of(IReadOnlyList<string> cells, decimal? expected, decimal? actual, params (string Name, object? Value)[] arguments) =>
        new(Default, Args(arguments), cells, expected, actual);

    public static RuleHit Message(string variant, IReadOnlyList<string> cells, params (string Name, object? Value)[] arguments) =>
        new(variant, Args(arguments), cells);

    public static RuleHit CannotCheck(IReadOnlyList<string> cells, string what) =>
        new(Unchecked, Args([("what", what)]), cells);

    private static Dictionary<string, string> Args((string Name, object? Value)[] arguments) =>
        arguments.ToDictionary(a => a.Name, a => Convert.ToString(a.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
}
