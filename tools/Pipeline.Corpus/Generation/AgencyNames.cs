using Pipeline.Corpus.Truth;

namespace Pipeline.Corpus.Generation;

/// <summary>
/// Made-up but plausible bodies: 某某镇, 某某乡, 某某街道办事处, 某某区某某局. Place names are
/// built from two syllables so that a batch of reports rarely repeats a name.
/// </summary>
public static class AgencyNames
{
    private static readonly string[] First = ["青", "白", "石", "龙", "金", "柳", "桃", "梅", "清", "凤", "双", "东", "新", "长", "永", "云", "黄", "丰", "红", "合"];

    private static readonly string[] Second = ["山", "河", "桥", "泉", "源", "坪", "湖", "塘", "沟", "岭", "溪", "庄", "集", "店", "坝", "林", "阳", "川", "口", "田"];

    private static readonly string[] Districts = ["临川区", "江北区", "西山区", "东湖区", "城关区", "北塘区", "南岸区", "清河区", "金水区", "新华区"];

    private static readonly string[] Bureaus =
    [
        "民政局", "教育局", "财政局", "交通运输局", "农业农村局", "人力资源和社会保障局", "住房和城乡建设局", "市场监督管理局", "文化和旅游局", "应急管理局",
    ];

    private static readonly AgencyKind[] Kinds = [AgencyKind.Town, AgencyKind.Township, AgencyKind.Subdistrict, AgencyKind.Bureau];

    private static readonly int[] KindWeights = [35, 10, 30, 25];

    public static AgencyIdentity Pick(Random rng, AgencyKind? kind = null)
    {
        var chosen = kind ?? Kinds[rng.PickWeighted(KindWeights)];
        var place = rng.Pick(First) + rng.Pick(Second);
        return chosen switch
        {
            AgencyKind.Town => new AgencyIdentity($"{place}镇", chosen, $"{place}镇人民政府"),
            AgencyKind.Township => new AgencyIdentity($"{place}乡", chosen, $"{place}乡人民政府"),
            AgencyKind.Subdistrict => new AgencyIdentity($"{place}街道办事处", chosen, $"{place}街道办事处"),
            _ => Bureau(rng, chosen),
        };
    }

    private static AgencyIdentity Bureau(Random rng, AgencyKind kind)
    {
        var name = rng.Pick(Districts) + rng.Pick(Bureaus);
        return new AgencyIdentity(name, kind, name);
    }
}
