using System.Net;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>SignalR clients of /hubs/queue over the test server, signed in with the real sign-in cookie.</summary>
public static class QueueHubTesting
{
    /// <summary>Signs in through the form as the demo user of the role and returns the Cookie header a browser would send.</summary>
    public static Task<string> SignInCookieAsync(this WebApplicationFactory<Program> factory, string role) =>
        factory.SignInCookieAsync(SignIn.DemoEmail(role), DemoUsers.Password);

    /// <summary>Signs in through the form and returns the Cookie header a browser would send.</summary>
    public static async Task<string> SignInCookieAsync(this WebApplicationFactory<Program> factory, string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var response = await client.PostLoginAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("login") == true)
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        return cookies.GetCookieHeader(factory.Server.BaseAddress);
    }

    /// <summary>A client of /hubs/queue over a WebSocket, as browsers connect: it stays open without further requests.</summary>
    public static HubConnection QueueHubOverWebSocket(this WebApplicationFactory<Program> factory, string cookieHeader) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/queue"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = HttpTransportType.WebSockets;
                o.Headers["Cookie"] = cookieHeader;
                o.WebSocketFactory = async (context, ct) =>
                {
                    var client = factory.Server.CreateWebSocketClient();
                    client.ConfigureRequest = request => request.Headers.Cookie = cookieHeader;
                    return await client.ConnectAsync(context.Uri, ct);
                };
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    /// <summary>Completes when the connection closes (by the server or by failure).</summary>
    public static Task ClosedAsync(this HubConnection hub)
    {
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        return closed.Task;
    }

    public static HubConnection QueueHub(this WebApplicationFactory<Program> factory, string? cookieHeader) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/queue"), o =>
            {
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (cookieHeader is not null)
                    o.Headers["Cookie"] = cookieHeader;
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();

    /// <summary>Waits for a task, failing the test instead of hanging when it never completes.</summary>
    public static async Task Within(this Task task, string what, int seconds = 20)
    {
        var done = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(done == task, what);
        await task;
    }

    /// <summary>Waits for a task, failing the test instead of hanging when it never completes.</summary>
    public static async Task<T> Within<T>(this Task<T> task, int seconds = 20)
    {
        var done = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(done == task, "Nothing arrived on the hub");
        return await task;
    }
}
