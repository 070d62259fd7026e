using System.Globalization;
using Pipeline.Corpus.Truth;
using Pipeline.Model.Schema;

namespace Pipeline.Corpus.Generation;

/// <summary>
/// The sentences whose numbers come from the tables. The narrative and the text mutations build
/// them here alike, so a mutation can find the true sentence and put a false one in its place.
/// Each clause carries one number, so that a reader never has to guess which count is which.
/// </summary>
public static class Statements
{
    public static string Applications(string self, int year, decimal received, decimal answered, decimal carriedForward) =>
        received == 0
            ? $"{year}年，{self}未收到政府信息公开申请。"
            : $"{year}年，{self}共收到政府信息公开申请{N(received)}件，办结{N(answered)}件，结转下年度{N(carriedForward)}件。";

    public static string Applications(string self, int year, TruthTable applications) =>
        Applications(
            self,
            year,
            applications.Number(ApplicationsFactory.NewReceived, ApplicationsSchema.Total),
            applications.Number(ApplicationsFactory.ResultTotal, ApplicationsSchema.Total),
            applications.Number(ApplicationsFactory.CarriedForward, ApplicationsSchema.Total));

    public static string ReviewLitigation(string self, int year, decimal review, decimal litigation) =>
        review == 0 && litigation == 0
            ? $"{year}年，{self}未发生因政府信息公开引起的行政复议、行政诉讼案件。"
            : $"{year}年，{self}共发生政府信息公开行政复议案件{N(review)}件，行政诉讼案件{N(litigation)}件。";

    public static string ReviewLitigation(string self, int year, TruthTable reviewLitigation) =>
        ReviewLitigation(
            self,
            year,
            reviewLitigation.Number("review", "total"),
            reviewLitigation.Number("litigationDirect", "total") + reviewLitigation.Number("litigationAfterReview", "total"));

    /// <summary>Section 六 always states the fee, so TXT-FEES has its answer whatever table 三 shows.</summary>
    public static string Fees(string self, int year, decimal feeNotices) =>
        year < 2021
            ? $"{year}年，{self}依申请提供政府信息，未收取任何费用。"
            : feeNotices > 0
                ? $"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{year}年{self}共发出收费通知{N(feeNotices)}件，申请人均未按期缴纳，实际收取信息处理费0元。"
                : $"依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），{year}年{self}未收取信息处理费。";

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
