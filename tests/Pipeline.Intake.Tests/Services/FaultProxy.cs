using System.Net;

namespace Pipeline.Intake.Tests.Services;

/// <summary>
/// An HTTP proxy on loopback in front of cosmosdb-server that answers some document requests itself with
/// 429 (x-ms-retry-after-ms, as Cosmos DB sends it) or 503, as a throttled or failing account would.
/// </summary>
public sealed class FaultProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream;
    private readonly Func<int, int?> _fault;
    private readonly Task _loop;
    private int _documentRequests;

    public FaultProxy(int upstreamPort, Func<int, int?> fault)
    {
        _fault = fault;
        _upstream = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{upstreamPort}") };
        Port = LocalService.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public int Throttled;

    public int Unavailable;

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        try
        {
            if (request.Url!.AbsolutePath.Contains("/docs", StringComparison.Ordinal) && _fault(Interlocked.Increment(ref _documentRequests)) is { } status)
            {
                response.StatusCode = status;
                response.ContentType = "application/json";
                if (status == 429)
                {
                    Interlocked.Increment(ref Throttled);
                    response.Headers["x-ms-retry-after-ms"] = "50";
                    response.Headers["x-ms-substatus"] = "3200";
                }
                else
                {
                    Interlocked.Increment(ref Unavailable);
                }

                var body = System.Text.Encoding.UTF8.GetBytes($"{{\"code\":\"{(status == 429 ? "TooManyRequests" : "ServiceUnavailable")}\",\"message\":\"injected\"}}");
                await response.OutputStream.WriteAsync(body);
                response.Close();
                return;
            }

            using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), request.Url.PathAndQuery);
            var body2 = new MemoryStream();
            await request.InputStream.CopyToAsync(body2);
            if (body2.Length > 0 || request.HttpMethod is "POST" or "PUT")
            {
                forward.Content = new ByteArrayContent(body2.ToArray());
            }

            foreach (var name in request.Headers.AllKeys.OfType<string>())
            {
                if (name is "Host" or "Content-Length" or "Connection" or "Expect")
                {
                    continue;
                }

                var value = request.Headers[name]!;
                if (!forward.Headers.TryAddWithoutValidation(name, value))
                {
                    forward.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var answer = await _upstream.SendAsync(forward);
            response.StatusCode = (int)answer.StatusCode;
            foreach (var header in answer.Headers.Concat(answer.Content.Headers))
            {
                if (header.Key is "Transfer-Encoding" or "Content-Length" or "Connection" or "Keep-Alive")
                {
                    continue;
                }

                response.Headers[header.Key] = string.Join(",", header.Value);
            }

            var bytes = await answer.Content.ReadAsByteArrayAsync();
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception)
        {
            response.Abort();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _upstream.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
