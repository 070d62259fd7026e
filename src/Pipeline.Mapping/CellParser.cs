using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Model.Layout;
using Pipeline.Model.Reports;
using Pipeline.Model.Schema;
using Pipeline.Model.Text;

namespace Pipeline.Mapping;

/// <summary>
/// Reads the number a cell states, exactly as written. It never guesses: text that is not a
/// number of the cell's kind gives null, and the rules say why.
/// </summary>
public static partial class CellParser
{
    public static CellValue Parse(string address, string text, LayoutOrigin origin, ValueKind kind)
    {
        var folded = ChineseText.Fold(text);
        string? unit = null;
        if (kind == ValueKind.Money)
        {
            var m = MoneyUnit().Match(folded);
            if (m.Success)
            {
                unit = m.Groups[2].Value;
                folded = m.Groups[1].Value;
            }
        }

        decimal? number = kind == ValueKind.SignedCount ? ParseSigned(folded) : ParsePlain(folded);
        return new CellValue(address, text.Trim(), number, origin, unit);
    }

    /// <summary>
    /// A number, a signed change, a blank mark, or a count written with its unit ("3件"): what
    /// fills a value cell. The last is not a valid count (NUM-FORM says so), but it is the
    /// row's value, not a label that would end the row and lose its other cells.
    /// </summary>
    public static bool LooksLikeValue(string folded) =>
        CellValue.IsBlankMark(folded) || Plain().IsMatch(folded) || Signed().IsMatch(folded) || MoneyUnit().IsMatch(folded) || CountWithUnit().IsMatch(folded);

    private static decimal? ParsePlain(string folded)
    {
        if (!Plain().IsMatch(folded))
        {
            return null;
        }

        var digits = folded.Replace(",", string.Empty, StringComparison.Ordinal).Replace('−', '-');
        return decimal.TryParse(digits, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
    }

    private static decimal? ParseSigned(string folded)
    {
        var m = Signed().Match(folded);
        if (!m.Success)
        {
            return ParsePlain(folded);
        }

        var magnitude = decimal.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        return m.Groups[1].Value.StartsWith('减') ? -magnitude : magnitude;
    }

    [GeneratedRegex(@"^[+\-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")]
    private static partial Regex Plain();

    [GeneratedRegex(@"^(减少|减|增加|增)(\d+)$")]
    private static partial Regex Signed();

    [GeneratedRegex(@"^([+\-]?[\d,]+(\.\d+)?)(万元|元)$")]
    private static partial Regex MoneyUnit();

    [GeneratedRegex(@"^\d+(件|个|人|次|条|项|宗|起|份)$")]
    private static partial Regex CountWithUnit();
}
