using System.CommandLine;

namespace Pipeline.Cli;

/// <summary>The options of <c>pipeline serve</c>, kept beside its command so CliApp only adds it.</summary>
public static class ServeOptions
{
    public static Command Command(TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string>("--db") { Description = "结果数据库（SQLite）", DefaultValueFactory = _ => Path.Combine(".pipeline", "pipeline.db") };
        var port = new Option<int>("--port") { Description = "端口（默认 8080，与 watch 的 --base-url 默认值一致）", DefaultValueFactory = _ => 8080 };
        var outbox = new Option<string>("--outbox") { Description = "认定未通过时通知邮件写入的文件夹", DefaultValueFactory = _ => Path.Combine(".pipeline", "outbox") };
        var listen = new Option<string?>("--listen") { Description = "监听地址（默认 127.0.0.1；其他地址须配合 --trust-principal-header）" };
        var trust = new Option<bool>("--trust-principal-header") { Description = "信任前置登录代理设置的 X-MS-CLIENT-PRINCIPAL 头（仅在代理会清除客户端自带的该头时使用）" };
        var serve = new Command("serve", "启动复核页面（报告列表、报告原件与问题、复核决定）") { db, port, outbox, listen, trust };
        serve.SetAction(parse => new ServeCommand(stdout, stderr).Run(parse.GetValue(db)!, parse.GetValue(port), parse.GetValue(outbox)!, parse.GetValue(listen), parse.GetValue(trust)));
        return serve;
    }
}
