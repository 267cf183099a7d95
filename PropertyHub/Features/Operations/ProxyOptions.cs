using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace PropertyHub.Features.Operations;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Nothing is trusted by
/// default: a client's own header is ignored, and the client address (the personal-link rate limit's key, the logs)
/// is the connection's. Behind a proxy, name its address or its network here.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>IP addresses of trusted proxies, e.g. <c>172.30.0.10</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.1.0.0/16</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Count + KnownNetworks.Count > 0;

    /// <summary>The entries that are not an address (KnownProxies) or a CIDR network (KnownNetworks).</summary>
    public IEnumerable<string> Invalid() =>
        KnownProxies.Where(p => !IPAddress.TryParse(p.Trim(), out _))
            .Concat(KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n.Trim(), out _)));

    public bool IsValid => !Invalid().Any();

    /// <summary>Trusts exactly the configured proxies (ASP.NET Core's default would trust loopback).</summary>
    public void ApplyTo(ForwardedHeadersOptions options)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        options.KnownIPNetworks.Clear();
        options.KnownProxies.Clear();
        foreach (var proxy in KnownProxies)
            options.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
        foreach (var network in KnownNetworks)
            options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
    }
}
