using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Intake.Tests.Services;

/// <summary>
/// Azure Communication Services Email cannot run here, so this is a fake on a loopback port that follows
/// its documented REST contract (api-version 2023-03-31): <c>POST /emails:send</c> with a bearer token,
/// <c>Operation-Id</c> making a resend the same operation (no second mail), 202 with Operation-Location,
/// 429 with Retry-After when throttled, and errors as <c>{"error":{"code","message"}}</c> with x-ms-error-code.
/// </summary>
public sealed class FakeCommunicationEmail : IDisposable
{
    public const string Token = "fake-entra-token";

    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly ConcurrentDictionary<string, JsonObject> _operations = new();
    private readonly ConcurrentQueue<Func<HttpListenerResponse, Task>> _faults = new();

    // The body of the answer being made; one request at a time, as the loop awaits each before taking the next.
    private byte[]? _pending;

    public FakeCommunicationEmail()
    {
        Port = LocalService.FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add(Endpoint.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri Endpoint { get; }

    /// <summary>Every request that reached the fake, with the time it arrived.</summary>
    public ConcurrentQueue<(DateTimeOffset At, int Status)> Requests { get; } = new();

    /// <summary>Emails the service accepted and would deliver: one per operation.</summary>
    public ConcurrentQueue<JsonObject> Sent { get; } = new();

    /// <summary>The next send answers 429 with this Retry-After (seconds), as a throttled resource does.</summary>
    public void ThrottleNext(int retryAfterSeconds) => _faults.Enqueue(async r =>
    {
        r.AddHeader("Retry-After", retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await ErrorAsync(r, 429, "TooManyRequests", "The request was throttled.");
    });

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await HandleAsync(context.Request, context.Response, DateTimeOffset.UtcNow);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task HandleAsync(HttpListenerRequest request, HttpListenerResponse response, DateTimeOffset arrived)
    {
        // Recorded before the answer is written, so a caller that has its answer sees its request counted.
        var status = await AnswerAsync(request, response);
        Requests.Enqueue((arrived, status));
        await response.OutputStream.WriteAsync(_pending ?? []);
        _pending = null;
    }

    private async Task<int> AnswerAsync(HttpListenerRequest request, HttpListenerResponse response)
    {
        if (request.HttpMethod != "POST" || request.Url?.AbsolutePath != "/emails:send")
        {
            return await ErrorAsync(response, 404, "NotFound", $"No route {request.HttpMethod} {request.Url?.AbsolutePath}.");
        }

        if (request.QueryString["api-version"] != "2023-03-31")
        {
            return await ErrorAsync(response, 400, "UnsupportedApiVersion", $"The api-version '{request.QueryString["api-version"]}' is not supported.");
        }

        if (request.Headers["Authorization"] != $"Bearer {Token}")
        {
            return await ErrorAsync(response, 401, "Unauthorized", "The bearer token is missing or invalid.");
        }

        if (_faults.TryDequeue(out var fault))
        {
            await fault(response);
            return response.StatusCode;
        }

        JsonObject? body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            try
            {
                body = JsonNode.Parse(await reader.ReadToEndAsync()) as JsonObject;
            }
            catch (JsonException)
            {
                body = null;
            }
        }

        var sender = body?["senderAddress"]?.GetValue<string>();
        var to = body?["recipients"]?["to"] as JsonArray;
        var subject = body?["content"]?["subject"]?.GetValue<string>();
        if (string.IsNullOrEmpty(sender) || !sender.Contains('@'))
        {
            return await ErrorAsync(response, 400, "InvalidSenderAddress", "The sender address is not a verified domain address.");
        }

        if (to is null || to.Count == 0 || to.Any(r => r?["address"]?.GetValue<string>() is not { } a || !a.Contains('@')))
        {
            return await ErrorAsync(response, 400, "InvalidRecipientAddress", "Each recipient needs a valid address.");
        }

        if (string.IsNullOrEmpty(subject))
        {
            return await ErrorAsync(response, 400, "EmptySubject", "The subject is required.");
        }

        // Operation-Id names the operation: the same id again is the same operation, not a second email.
        var id = request.Headers["Operation-Id"] is { Length: > 0 } given ? given : Guid.NewGuid().ToString();
        var added = false;
        _operations.GetOrAdd(id, _ =>
        {
            added = true;
            return body!;
        });
        if (added)
        {
            Sent.Enqueue(body!);
        }

        response.StatusCode = 202;
        response.AddHeader("Operation-Location", new Uri(Endpoint, $"emails/operations/{id}?api-version=2023-03-31").AbsoluteUri);
        response.AddHeader("Retry-After", "30");
        await JsonAsync(response, new JsonObject { ["id"] = id, ["status"] = "Running", ["error"] = null });
        return 202;
    }

    private async Task<int> ErrorAsync(HttpListenerResponse response, int status, string code, string message)
    {
        response.StatusCode = status;
        response.AddHeader("x-ms-error-code", code);
        await JsonAsync(response, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });
        return status;
    }

    /// <summary>Sets the JSON body; <see cref="HandleAsync"/> writes it once the request is recorded.</summary>
    private Task JsonAsync(HttpListenerResponse response, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        _pending = bytes;
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
    }
}
