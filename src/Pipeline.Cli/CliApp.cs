using System.CommandLine;

namespace Pipeline.Cli;

/// <summary>The command line: <c>pipeline check FILE|FOLDER... [--json] [--rules FILE]</c>.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "要检查的年度报告文件或文件夹（txt、html、docx）",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json") { Description = "以 JSON 输出检查结果（一个文件输出一个对象，多个文件输出数组）" };
        var rules = new Option<string?>("--rules") { Description = "使用自定义规则文件（JSON），未列出的规则沿用默认设置" };

        var check = new Command("check", "检查年度报告：格式、表格勾稽关系、正文与表格是否一致") { paths, json, rules };
        check.SetAction(parse => new CheckCommand(stdout, stderr).Run(parse.GetValue(paths)!, parse.GetValue(json), parse.GetValue(rules)));

        var file = new Argument<string>("file") { Description = "要查看的文件" };
        var layout = new Command("layout", "显示文件被读成的段落和表格（排查识别问题用）") { file };
        layout.SetAction(parse => new LayoutCommand(stdout, stderr).Run(parse.GetValue(file)!));

        var corpus = new Argument<string>("corpus") { Description = "带真值文件（NAME.truth.json）的报告文件夹" };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "不运行整页OCR基线（只测本流水线，约快一倍）" };
        var wrong = new Option<bool>("--wrong") { Description = "逐份列出读错的单元格：地址、读到的值、真值和置信度" };
        var bench = new Command("bench", "基准测试：逐类统计识别正确率、结论正确率、误判和速度") { corpus, noBaseline, wrong };
        bench.SetAction(parse => new BenchCommand(stdout, stderr).Run(parse.GetValue(corpus)!, !parse.GetValue(noBaseline), parse.GetValue(wrong)));

        var serve = ServeOptions.Command(stdout, stderr);

        var root = new RootCommand("政府信息公开工作年度报告检查工具") { check, layout, bench, serve };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"用法错误：{error.Message}");
            }

            stderr.WriteLine("用法：./pipeline check 文件或文件夹... [--json] [--rules 规则文件]");
            return ExitCodes.Unusable;
        }

        return parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
