using PropertyHub.Data;

namespace PropertyHub.Tests.Features.Operations;

/// <summary>The container's HEALTHCHECK command (<c>dotnet PropertyHub.dll --health-check URL</c>) against a real server.</summary>
public sealed class HealthCheckCommandTests
{
    [Fact]
    public async Task HealthCheck_RunningAppThenStopped_ZeroThenOne()
    {
        string url;
        await using (var app = new KestrelAppFactory())
        {
            url = app.BaseUrl + "/health/ready";

            Assert.Equal(0, await CommandLine.RunHealthCheckAsync(["--health-check", url]));
            // A page that is not the probe redirects to the sign-in: not ready.
            Assert.Equal(1, await CommandLine.HealthCheckAsync(app.BaseUrl + "/queue", TimeSpan.FromSeconds(10)));
        }

        Assert.Equal(1, await CommandLine.HealthCheckAsync(url, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task HealthCheck_NotAsked_GoesOnToServe()
    {
        Assert.Null(await CommandLine.RunHealthCheckAsync(["--urls", "http://localhost:5000"]));
    }
}
