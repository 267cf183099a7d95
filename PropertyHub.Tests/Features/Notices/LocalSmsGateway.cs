using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace PropertyHub.Tests.Features.Notices;

/// <summary>One request as the gateway received it.</summary>
public sealed record GatewayRequest(string Method, string Body, string? ApiKey, string Phone, string Text);

/// <summary>
/// A local HTTP listener standing in for an SMS provider: it records each request and answers as <see cref="Answer"/> says
/// (a status code, or never in time).
/// </summary>
public sealed class LocalSmsGateway : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stop = new();

    public LocalSmsGateway()
    {
        Port = FreePort.Next();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/sms/send";
    public ConcurrentQueue<GatewayRequest> Requests { get; } = new();

    /// <summary>Per phone number: the status code to answer, or null to hang until the caller gives up. Default 200.</summary>
    public ConcurrentDictionary<string, int?> Answer { get; } = new();

    /// <summary>Requests that were answered 2xx (delivered), per phone number.</summary>
    public ConcurrentQueue<GatewayRequest> Delivered { get; } = new();

    private async Task LoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, System.Text.Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        using var json = JsonDocument.Parse(body);
        var request = new GatewayRequest(context.Request.HttpMethod, body, context.Request.Headers["X-Api-Key"],
            json.RootElement.GetProperty("mobile").GetString()!, json.RootElement.GetProperty("content").GetString()!);
        Requests.Enqueue(request);
        var status = Answer.TryGetValue(request.Phone, out var answer) ? answer : 200;
        if (status is null)
        {
            try { await Task.Delay(Timeout.Infinite, stop.Token); } catch (OperationCanceledException) { }
            context.Response.Abort();
            return;
        }
        if (status is >= 200 and < 300)
            Delivered.Enqueue(request);
        context.Response.StatusCode = status.Value;
        context.Response.Close();
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        stop.Dispose();
    }
}
