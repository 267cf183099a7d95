using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace PropertyHub.Tests.Features.Operations;

/// <summary>
/// X-Forwarded-For is believed only from the proxies named in configuration, so the personal-link rate limit (30 a
/// minute) counts the real client: requests go through the test server with their connection's address set.
/// </summary>
public sealed class ForwardedHeadersTests
{
    private const int Permits = 30;
    private static readonly string LinkPath = "/l/" + new string('A', 43);

    private static AppFactory Factory(params (string Key, string Value)[] settings)
    {
        var factory = new AppFactory { SeedDemo = false };
        foreach (var (key, value) in settings)
            factory.Settings[key] = value;
        return factory;
    }

    private static async Task<HttpStatusCode> OpenLinkAsync(TestServer server, string remote, string? forwardedFor)
    {
        var context = await server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = LinkPath;
            c.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedFor is not null)
                c.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
        return (HttpStatusCode)context.Response.StatusCode;
    }

    [Fact]
    public async Task NoProxyConfigured_ClientsOwnForwardedForIgnored_The31stRequestIsRefused()
    {
        await using var factory = Factory();

        for (var i = 1; i <= Permits; i++)
            Assert.Equal(HttpStatusCode.OK, await OpenLinkAsync(factory.Server, "203.0.113.7", $"198.51.100.{i}"));
        var refused = await OpenLinkAsync(factory.Server, "203.0.113.7", "198.51.100.99");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        // Another client has its own allowance.
        Assert.Equal(HttpStatusCode.OK, await OpenLinkAsync(factory.Server, "203.0.113.8", null));
    }

    [Fact]
    public async Task ConfiguredProxyAndNetwork_TheirForwardedClientAddressIsTheKey()
    {
        await using var factory = Factory(
            ("ForwardedHeaders:KnownProxies:0", "10.0.0.5"),
            ("ForwardedHeaders:KnownNetworks:0", "10.1.0.0/16"));

        // Many clients behind the proxies: each its own allowance, none refused though the proxies made 80 requests.
        for (var i = 1; i <= 40; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await OpenLinkAsync(factory.Server, "10.0.0.5", $"198.51.100.{i}"));
            Assert.Equal(HttpStatusCode.OK, await OpenLinkAsync(factory.Server, "10.1.2.3", $"198.51.101.{i}"));
        }
        // One client behind the proxy: counted as itself, whichever trusted proxy brings it.
        for (var i = 0; i < Permits - 1; i++)
            Assert.Equal(HttpStatusCode.OK, await OpenLinkAsync(factory.Server, i % 2 == 0 ? "10.0.0.5" : "10.1.2.3", "198.51.100.1"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenLinkAsync(factory.Server, "10.0.0.5", "198.51.100.1"));
        // An address outside the configuration is no proxy: its header is ignored.
        for (var i = 1; i <= Permits; i++)
            Assert.Equal(HttpStatusCode.OK, await OpenLinkAsync(factory.Server, "10.2.0.1", $"198.51.102.{i}"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await OpenLinkAsync(factory.Server, "10.2.0.1", "198.51.102.99"));
    }

    [Fact]
    public void ProxyThatIsNoAddress_RefusedAtStartWithTheSetting()
    {
        using var factory = Factory(("ForwardedHeaders:KnownProxies:0", "proxy.internal"));

        var error = Assert.ThrowsAny<OptionsValidationException>(() => factory.Server);

        Assert.Contains("ForwardedHeaders:KnownProxies", error.Message);
    }
}
