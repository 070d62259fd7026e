using System.Globalization;
using System.Text.Json.Serialization;

namespace Pipeline.Corpus.Truth;

/// <summary>
/// A table cell as the report prints it: a number, or — for a deliberately malformed cell such
/// as "/" or "-3" — the text itself.
/// </summary>
[JsonConverter(typeof(TruthValueConverter))]
public readonly record struct TruthValue
{
    private TruthValue(decimal? number, string? text) => (Number, Text) = (number, text);

    public decimal? Number { get; }

    /// <summary>Set only for a malformed cell; it is printed as is.</summary>
    public string? Text { get; }

    public bool IsNumber => Number is not null;

    /// <summary>What the document prints in the cell.</summary>
    public string Printed => Text ?? Number!.Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Trailing zeros are dropped so that 12.30 and 12.3 print and serialise alike.</summary>
    public static TruthValue Of(decimal number) =>
        new(decimal.Parse(number.ToString("0.############", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), null);

    public static TruthValue Malformed(string text) => new(null, text);

    public override string ToString() => Printed;
}
