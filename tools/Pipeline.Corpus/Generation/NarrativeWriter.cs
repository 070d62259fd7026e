using System.Globalization;
using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Generation;

/// <summary>
/// The six sections' running text: stock paragraphs of the kind real reports use, with the
/// body's own self-reference, and the table-bound sentences of <see cref="Statements"/>.
/// The paragraphs avoid every word the rules look for (申请, 收费, 复议…) outside those sentences.
/// </summary>
public static class NarrativeWriter
{
    private static readonly string[] Intros =
    [
        "{year}年，{self}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《中华人民共和国政府信息公开条例》和上级关于政务公开工作的部署要求，坚持“公开为常态、不公开为例外”，不断拓展公开内容、规范公开程序、提升公开实效，切实保障人民群众的知情权、参与权、表达权和监督权。",
        "{year}年，在上级政务公开主管部门的指导下，{self}严格按照《中华人民共和国政府信息公开条例》要求，围绕中心工作和群众关切，进一步健全工作机制，深化重点领域信息公开，政府信息公开工作取得了新的进展。",
        "{year}年，{self}把政府信息公开作为建设法治政府、服务型政府的重要抓手，明确分管领导和专职人员，健全信息发布审核机制，推动政府信息公开工作规范有序开展。",
    ];

    private static readonly string[] Disclosure =
    [
        "{year}年，{self}通过政府信息公开专栏、政务公开栏和微信公众号等渠道主动公开政府信息{items}条，内容涵盖机构职能、财政资金、重点项目、民生保障、安全生产等方面，做到应公开尽公开。",
        "{year}年，{self}在政府门户网站信息公开专栏主动公开各类政府信息{items}条，同时利用公开栏、宣传栏等线下载体公开惠民政策、项目建设等信息，方便群众查阅。",
    ];

    private static readonly string[] RequestsHandled =
    [
        "{self}严格按照法定程序和时限办理，做到依法依规、答复规范。",
        "{self}严格落实登记、审核、答复、归档等环节要求，确保依法规范办理。",
    ];

    private static readonly string[] RequestsNone =
    [
        "{self}持续畅通依申请公开渠道，在便民服务中心公布受理地址和联系电话。",
    ];

    private static readonly string[] Management =
    [
        "{self}健全政府信息公开保密审查机制，落实“先审查、后公开”和“一事一审”制度，对拟公开信息严格审核把关；及时对主动公开目录进行动态调整，做好行政规范性文件的清理和公开工作。",
        "{self}明确专人负责政府信息的收集、审核、发布和归档工作，建立信息发布台账，定期检查已公开信息的准确性和时效性，确保信息内容真实、准确、完整。",
    ];

    private static readonly string[] Platforms =
    [
        "{self}以政府门户网站信息公开专栏为第一平台，同时用好政务公开栏、便民服务中心公开查阅点和政务新媒体，及时更新公开内容，拓宽群众获取信息的渠道。",
        "{self}持续加强政务公开专区建设，在便民服务大厅设置政府信息公开查阅点，配备电脑和公开指南，为群众查阅政府信息提供便利。",
    ];

    private static readonly string[] Supervision =
    [
        "{self}将政务公开工作纳入年度目标考核，定期组织开展业务培训和自查整改，对发现的问题及时督促整改落实。{year}年未发生政府信息公开工作责任追究情况。",
        "{self}成立政务公开工作领导小组，主要负责同志亲自抓、分管负责同志具体抓，通过定期检查、群众评议等方式加强监督，推动各项工作落到实处。",
    ];

    private static readonly string[] Shortcomings =
    [
        "{year}年，{self}政府信息公开工作取得了一定成效，但仍存在一些不足：一是公开内容的深度和广度有待加强，政策解读形式较为单一；二是工作人员业务能力有待提升，信息更新的及时性还不够。",
        "{year}年，{self}政府信息公开工作虽然取得了一定进展，但对照上级要求仍有差距，主要是：一是部分信息公开不够及时；二是主动回应社会关切的意识还需增强；三是公开载体还比较有限。",
    ];

    private static readonly string[] Improvements =
    [
        "{next}年，{self}将重点做好以下工作：一是加强业务培训，提高工作人员的政策把握能力；二是完善信息发布审核机制，确保信息公开及时准确；三是丰富政策解读形式，提升公开实效。",
        "下一步，{self}将进一步健全工作机制，加大重点领域信息公开力度，拓宽公开渠道，不断提升政府信息公开工作水平。",
    ];

    public static TruthSections Write(Random rng, AgencyIdentity agency, int year, ReportTables tables)
    {
        var fill = (string template) => template
            .Replace("{self}", agency.Self, StringComparison.Ordinal)
            .Replace("{year}", Number(year), StringComparison.Ordinal)
            .Replace("{next}", Number(year + 1), StringComparison.Ordinal)
            .Replace("{items}", Number(rng.Next(30, 400)), StringComparison.Ordinal);

        var applications = Statements.Applications(agency.Self, year, tables.Applications);
        var received = tables.Applications.Number(ApplicationsFactory.NewReceived, "total") > 0;
        var overview = Lines(
            fill(rng.Pick(Intros)),
            "（一）主动公开",
            fill(rng.Pick(Disclosure)),
            "（二）依申请公开",
            applications + fill(rng.Pick(received ? RequestsHandled : RequestsNone)),
            "（三）政府信息管理",
            fill(rng.Pick(Management)),
            "（四）平台建设",
            fill(rng.Pick(Platforms)),
            "（五）监督保障",
            fill(rng.Pick(Supervision)));

        var problems = Lines(fill(rng.Pick(Shortcomings)), fill(rng.Pick(Improvements)));

        var feeNotices = tables.Applications.Get("otherHandling.feeUnpaid", "total")?.Number ?? 0;
        var other = new List<string> { Statements.Fees(agency.Self, year, feeNotices) };
        if (rng.Chance(0.5))
        {
            other.Add($"{year}年，{agency.Self}办理人大代表建议{Number(rng.Next(0, 8))}件、政协委员提案{Number(rng.Next(0, 8))}件，均已按期办结。");
        }

        if (rng.Chance(0.5))
        {
            other.Add("无其他需要报告的事项。");
        }

        return new TruthSections(
            overview,
            string.Empty,
            string.Empty,
            Statements.ReviewLitigation(agency.Self, year, tables.ReviewLitigation),
            problems,
            Lines([.. other]));
    }

    private static string Lines(params string[] lines) => string.Join('\n', lines);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
