using System.Net;

namespace Pipeline.Cli;

/// <summary><c>pipeline serve [--db PATH] [--port N]</c>: the review pages on this machine, on 127.0.0.1.</summary>
public sealed class ServeCommand(TextWriter stdout, TextWriter stderr)
{
    public int Run(string database, int port, string outbox, string? listen, bool trustPrincipalHeader)
    {
        var address = IPAddress.Loopback;
        if (listen is not null && !IPAddress.TryParse(listen, out address!))
        {
            stderr.WriteLine($"用法错误：--listen 应为 IP 地址，而不是“{listen}”。");
            return ExitCodes.Unusable;
        }

        // Off loopback the pages need someone in front who signs people in; without one, refuse to start.
        if (!IPAddress.IsLoopback(address) && !trustPrincipalHeader)
        {
            stderr.WriteLine("拒绝启动：复核页面默认只在本机（127.0.0.1）提供。要对外提供，须放在负责登录的前置代理之后，并加 --trust-principal-header。");
            return ExitCodes.Unusable;
        }

        var settings = new LocalReviewSettings(database, port, outbox) { Address = address, TrustPrincipalHeader = trustPrincipalHeader };
        using var app = LocalReviewHost.Create(settings);
        stdout.WriteLine($"复核页面：{LocalReviewHost.PublicBaseUrl(settings).ToString().TrimEnd('/')}/reports （按 Ctrl+C 停止）");
        app.Run();
        return ExitCodes.Passed;
    }
}
