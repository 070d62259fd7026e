using Pipeline.Ocr;

namespace Pipeline.Tests.Ocr;

[Collection(OcrCollection.Name)]
public sealed class OrientationDetectorTests(SharedEngines engines)
{
    private const string Report =
        "一、总体情况\n"
        + "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，\n"
        + "坚持以公开为常态、不公开为例外，持续深化政务公开工作，\n"
        + "进一步提高政府工作透明度，切实保障人民群众的知情权。\n"
        + "二、主动公开政府信息情况\n"
        + "全年主动公开政府信息1024条，其中规章2件，规范性文件12件。\n"
        + "三、收到和处理政府信息公开申请情况\n"
        + "本年新收政府信息公开申请205件，上年结转7件。";

    [Theory]
    [InlineData(180)]
    [InlineData(90)]
    public void APageTurnedOverOrOnItsSideIsSeenToBeSo(int rotation)
    {
        var page = RenderedText.Page(Report, 760, 420, pointSize: 20, rotation);

        var orientation = new OrientationDetector(engines.Pool).Detect(page);

        Assert.Equal(rotation, orientation.Degrees);
        Assert.True(orientation.IsReliable, $"orientation {orientation}");
    }
}
