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
    public static async Task<string> SignInCookieAsync(this WebApplicationFactory<Program> factory, string role)
    {
        var cookies = new CookieContainer();
        using var client = factory.CreateDefaultClient(new CookieContainerHandler(cookies));
        var response = await client.PostLoginAsync(SignIn.DemoEmail(role), DemoUsers.Password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("login") == true)
            throw new InvalidOperationException($"Sign-in as {role} failed: {(int)response.StatusCode}");
        return cookies.GetCookieHeader(factory.Server.BaseAddress);
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
    public static async Task<T> Within<T>(this Task<T> task, int seconds = 20)
    {
        var done = await Task.WhenAny(task, Task.Delay(TimeSpan.FromSeconds(seconds)));
        Assert.True(done == task, "Nothing arrived on the hub");
        return await task;
    }
}
