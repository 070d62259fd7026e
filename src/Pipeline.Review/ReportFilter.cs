using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Pipeline.Model.Results;
using Pipeline.Storage;

namespace Pipeline.Review;

/// <summary>The list's query string: office (with the offices under it), year, verdict, rule, sort and page.</summary>
public sealed record ReportFilter(string? Office, int? Year, Verdict? Verdict, string? Rule, ReviewSort Sort, bool Descending, int Page)
{
    /// <summary>The sort keys of the query string.</summary>
    public static string SortKey(ReviewSort sort) => sort.ToString().ToLowerInvariant();

    public static ReportFilter From(IQueryCollection query)
    {
        static string? Text(IQueryCollection q, string key) => q[key].ToString().Trim() is { Length: > 0 } v ? v : null;
        var sort = Enum.GetValues<ReviewSort>().FirstOrDefault(k => SortKey(k) == Text(query, "sort"), ReviewSort.Queue);
        return new ReportFilter(
            Text(query, "office"),
            int.TryParse(Text(query, "year"), out var year) ? year : null,
            ParseVerdict(Text(query, "verdict")),
            Text(query, "rule")?.ToUpperInvariant(),
            sort,
            Text(query, "dir") == "desc",
            int.TryParse(Text(query, "page"), out var page) && page > 0 ? page : 1);
    }

    public static Verdict? ParseVerdict(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Verdict>($"\"{text}\"");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string VerdictKey(Verdict verdict) => JsonSerializer.Serialize(verdict).Trim('"');

    /// <summary>This filter as a query string, with some values changed (links for sorting and paging).</summary>
    public string Query(ReviewSort? sort = null, bool? descending = null, int? page = null, bool keepVerdict = true)
    {
        var parts = new List<string>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                parts.Add($"{key}={Uri.EscapeDataString(value)}");
            }
        }

        Add("office", Office);
        Add("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("verdict", keepVerdict && Verdict is { } v ? VerdictKey(v) : null);
        Add("rule", Rule);
        Add("sort", (sort ?? Sort) == ReviewSort.Queue ? null : SortKey(sort ?? Sort));
        Add("dir", (descending ?? Descending) ? "desc" : null);
        Add("page", (page ?? Page) > 1 ? (page ?? Page).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }
}
