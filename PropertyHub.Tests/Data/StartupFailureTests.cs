using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Data;

namespace PropertyHub.Tests.Data;

/// <summary>Bad input at start: a database not up yet, refused credentials, demo data on a server database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class StartupFailureTests(PostgresServer server)
{
    [PostgresFact]
    public async Task Startup_PostgresNotListeningYet_AliveNotReadyThenReadyWhenItComesUp()
    {
        var late = new PostgresServer { Port = PostgresServer.FreePort() };
        var httpPort = PostgresServer.FreePort();
        using var app = AppProcess.Start(new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{httpPort}",
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = late.ConnectionString("late"),
            ["Database__StartupRetryMaxDelay"] = "00:00:02",
        });
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        try
        {
            // Waiting for the database: alive, not ready, no crash.
            await ConcurrentStartupTests.WaitForAsync(async () => await StatusAsync(http, "/health/live") == HttpStatusCode.OK, "the app to answer /health/live");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(http, "/health/ready"));
            await ConcurrentStartupTests.WaitForAsync(() => Task.FromResult(app.Output.Contains("is not reachable")), "a log line about the unreachable database");
            Assert.False(app.Process.HasExited, app.Output);

            await late.InitializeAsync();

            await ConcurrentStartupTests.WaitForAsync(async () => await StatusAsync(http, "/health/ready") == HttpStatusCode.OK,
                "the app to become ready once PostgreSQL is up", TimeSpan.FromMinutes(3));
            Assert.False(app.Process.HasExited, app.Output);
            Assert.Contains("answered after", app.Output);
            Assert.DoesNotContain("   at ", app.Output);
        }
        finally
        {
            app.Stop();
            await late.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task Startup_WrongPassword_OneClearLineAndExitCode3()
    {
        var connectionString = server.ConnectionString("wrong_pw").Replace("Password=postgres", "Password=not-the-password", StringComparison.Ordinal);
        using var app = AppProcess.Start(new()
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{PostgresServer.FreePort()}",
            ["Database__Provider"] = "Postgres",
            ["Database__ConnectionString"] = connectionString,
        });

        var exitCode = await app.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(DataStartupExtensions.ExitDatabaseConfiguration, exitCode);
        Assert.Contains("refused user postgres", app.Output);
        Assert.Contains("28P01", app.Output);
        Assert.DoesNotContain("not-the-password", app.Output);
        Assert.DoesNotContain("   at ", app.Output);
        Assert.DoesNotContain("is not reachable", app.Output);
    }

    [PostgresFact]
    public async Task Startup_PostgresInDevelopmentWithoutSeedDemo_SeedsRolesButNoDemoData()
    {
        await using var factory = new DevelopmentFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("dev_" + Guid.NewGuid().ToString("N")[..8]),
            SeedDemo = null,
        };
        Assert.Equal(HttpStatusCode.OK, (await factory.NewClient().GetAsync("/health/ready")).StatusCode);

        await using var db = await factory.CreateDbContextAsync();
        Assert.IsType<PostgresDbContext>(db);
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
        Assert.Equal(0, await db.Users.CountAsync());
        Assert.Equal(0, await db.Estates.CountAsync());
    }

    [Fact]
    public async Task Startup_SqliteInDevelopmentWithoutSeedDemo_SeedsDemoData()
    {
        await using var factory = new DevelopmentFactory { SeedDemo = null };
        _ = factory.NewClient();

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(DemoUsers.All.Count, await db.Users.CountAsync());
    }

    private static async Task<HttpStatusCode?> StatusAsync(HttpClient http, string path)
    {
        try
        {
            return (await http.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>The top-level appsettings.Development.json is loaded in Development: it must not switch demo data on.</summary>
    private sealed class DevelopmentFactory : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Development");
        }
    }

    /// <summary>The built app as a process in Production, its output collected.</summary>
    private sealed class AppProcess : IDisposable
    {
        private readonly StringBuilder output = new();

        public required Process Process { get; init; }

        public string Output
        {
            get { lock (output) return output.ToString(); }
        }

        public static AppProcess Start(Dictionary<string, string> environment)
        {
            var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "PropertyHub.dll")])
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            info.Environment["Logging__Console__FormatterName"] = "simple";
            foreach (var (key, value) in environment)
                info.Environment[key] = value;
            var app = new AppProcess { Process = Process.Start(info)! };
            app.Process.OutputDataReceived += (_, e) => app.Append(e.Data);
            app.Process.ErrorDataReceived += (_, e) => app.Append(e.Data);
            app.Process.BeginOutputReadLine();
            app.Process.BeginErrorReadLine();
            return app;
        }

        public async Task<int> WaitForExitAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout);
            await Process.WaitForExitAsync(cts.Token);
            return Process.ExitCode;
        }

        public void Stop()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Stop();
            Process.Dispose();
        }

        private void Append(string? line)
        {
            if (line is null)
                return;
            lock (output)
                output.AppendLine(line);
        }
    }
}
