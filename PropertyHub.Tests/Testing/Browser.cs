using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace PropertyHub.Tests.Testing;

/// <summary>Headless Debian Chromium driven by Playwright against the app on a free loopback port.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public static string? Unavailable => File.Exists(ChromiumPath) ? null : $"Chromium is not installed at {ChromiumPath}";

    public async Task InitializeAsync()
    {
        if (Unavailable is not null)
            return;
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        playwright?.Dispose();
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>A browser test: skipped with the reason when Chromium is missing by hand, failed under CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.Unavailable is { } reason && !TestEnvironment.IsCi)
            Skip = reason;
    }
}

/// <summary>A browser theory: skipped with the reason when Chromium is missing by hand, failed under CI.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserFixture.Unavailable is { } reason && !TestEnvironment.IsCi)
            Skip = reason;
    }
}

/// <summary>The app served by Kestrel on a free loopback port, for a real browser.</summary>
public sealed class KestrelAppFactory : AppFactory
{
    public KestrelAppFactory()
    {
        UseKestrel(0);
    }

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        }
    }
}

public static class PageExtensions
{
    /// <summary>Waits until the layout reports an interactive circuit, so clicks reach the server.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    public static async Task SignInAsync(this IPage page, string baseUrl, string email, string password)
    {
        await page.GotoAsync(baseUrl + "/account/login");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForInteractiveAsync();
    }
}
