namespace Pipeline.Model.Reports;

/// <summary>The State Council template a table follows: 国办公开办函〔2019〕60号 or 〔2021〕30号.</summary>
public enum Vintage
{
    Format2019,
    Format2021,
}

public static class VintageExtensions
{
    /// <summary>The spec's JSON value: "2019" or "2021".</summary>
    public static string Key(this Vintage vintage) => vintage == Vintage.Format2019 ? "2019" : "2021";

    /// <summary>2021 format from the 2021 reports on; the 2019 format for 2019 and 2020.</summary>
    public static Vintage ExpectedFor(int year) => year >= 2021 ? Vintage.Format2021 : Vintage.Format2019;
}
