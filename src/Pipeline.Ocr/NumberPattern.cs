using System.Text.RegularExpressions;

namespace Pipeline.Ocr;

/// <summary>
/// The shapes a numeric cell may take: a signed integer or decimal, one grouped with thousands commas
/// ("1,024"), or a change written as 减4 / 增加2. Anything else read from a numeric cell is not a number.
/// </summary>
public static partial class NumberPattern
{
    public static bool IsMatch(string text) => Shape().IsMatch(text);

    /// <summary>A number without 减 or 增加: what a model without Chinese can read too.</summary>
    public static bool IsPlain(string text) => IsMatch(text) && !text.Contains('减') && !text.Contains('增');

    [GeneratedRegex(@"^(?:[+-]?[0-9]+(?:\.[0-9]+)?|[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|减[0-9]+|增加[0-9]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
