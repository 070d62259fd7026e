using Pipeline.Rules.Text;

namespace Pipeline.Verdicts.Tests;

/// <summary>The running text's numbers, in the phrasings offices write them in.</summary>
public sealed class NarrativeReaderTests
{
    public static TheoryData<string, string> CarriedSentences => new()
    {
        // sentence, expected "subject=value;…" in the order read
        { "本年度共收到政府信息公开申请5876件，上年结转248件，本年度办结6108件，结转下年度继续办理16件。", "received=5876;carriedOver=248;answered=6108;carriedForward=16" },
        { "本年度新收政府信息公开申请30件，上年度结转2件，已办结31件，1件结转至下一年度办理。", "received=30;carriedOver=2;answered=31;carriedForward=1" },
        { "收到政府信息公开申请12件，另有2023年结转申请3件，全部办结。", "received=12;carriedOver=3" },
        { "共受理政府信息公开申请20件(其中3件为上年结转)，答复18件，结转2025年度办理2件。", "received=20;carriedOver=3;answered=18;carriedForward=2" },
        { "去年结转的政府信息公开申请4件已全部办结。", "carriedOver=4" },
        { "依申请公开方面，答复9件，结转下年度1件。", "answered=9;carriedForward=1" },
    };

    [Theory]
    [MemberData(nameof(CarriedSentences))]
    public void CarriedOverIsToldFromCarriedForward(string sentence, string expected)
    {
        var statements = NarrativeReader.Applications(sentence);

        Assert.Equal(expected, string.Join(';', statements.Select(s => $"{s.Subject}={s.Value}")));
    }

    public static TheoryData<string, string> CaseSentences => new()
    {
        { "全年因政府信息公开引发行政复议11件、行政诉讼17件。", "review=11;litigation=17" },
        { "本年度发生政府信息公开行政复议案件2件，行政诉讼案件1件。", "review=2;litigation=1" },
        { "因政府信息公开被申请行政复议3起，被提起行政诉讼5起。", "review=3;litigation=5" },
        { "全年共发生11件行政复议、17件行政诉讼。", "review=11;litigation=17" },
        { "引发行政复议和行政诉讼分别为4件和6件。", "review=4;litigation=6" },
        { "收到行政复议申请2件，未发生行政诉讼。", "review=2;litigation=0" },
        { "无因政府信息公开申请引发行政复议和引发行政诉讼。", "review=0;litigation=0" },
        { "行政诉讼17件、行政复议11件。", "litigation=17;review=11" },
    };

    [Theory]
    [MemberData(nameof(CaseSentences))]
    public void ReviewAndLitigationCountsGoToTheirOwnSubject(string sentence, string expected)
    {
        var statements = NarrativeReader.ReviewLitigation(sentence);

        Assert.Equal(expected, string.Join(';', statements.Select(s => $"{s.Subject}={s.Value}")));
    }
}
