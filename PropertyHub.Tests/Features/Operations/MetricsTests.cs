using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Backup;
using PropertyHub.Features.Operations;
using PropertyHub.Features.Reception;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.Operations;

/// <summary>
/// Alone, not beside other hosts: every host in the test process has its own ASP.NET Core and EF Core meters under the
/// same names, and the metrics SDK merges identical instruments, so another host disposed mid-test could retire the
/// stream this host records into. A deployed app has one host per process.
/// </summary>
[Collection(MetricsCollection.Name)]
public sealed partial class MetricsTests : IAsyncLifetime
{
    private const string Token = "scraper-token-0123456789-abcdefghij";
    private readonly AppFactory factory = new() { Settings = { ["Operations:MetricsToken"] = Token } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    /// <summary>The value of a counter's series in Prometheus text; 0 while it has not been counted.</summary>
    private static double Value(string text, string metric, string label)
    {
        var match = Regex.Match(text, $@"^{metric}\{{[^}}]*{Regex.Escape(label)}[^}}]*\}} (\S+)", RegexOptions.Multiline);
        return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    private static async Task<string> ScrapeAsync(HttpClient client)
    {
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Metrics_Admin_PrometheusTextWithHttpServerAndTheQueueEventOfAContactJustLogged()
    {
        var admin = await factory.ClientForRoleAsync(Roles.Admin);
        var before = Value(await ScrapeAsync(admin), "propertyhub_queue_events_total", "kind=\"Created\"");

        await using (var db = await factory.CreateDbContextAsync())
        {
            var unit = db.Units.Where(u => u.Occupants.Any()).Select(u => new { u.Id, u.Building!.EstateId }).First();
            ReceptionResult? logged = null;
            await factory.AsAsync(PropertyHub.Features.Accounts.Roles.Clerk, async sp => logged = await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
            {
                EstateId = unit.EstateId, Kind = RequestKind.Complaint, Channel = Channel.ComplaintLine, Outcome = IntakeOutcome.Logged,
                UnitId = unit.Id, CallerName = "Ms Wu", Phone = "13912345678", Content = "The lift on the east side stops between floors",
            }));
            Assert.True(logged!.Succeeded);
        }

        // A request's duration is recorded when its response completes, which may be after the client has it: scrape
        // until the figures are in (bounded), then check them.
        var text = await ScrapeAsync(admin);
        for (var tries = 0; tries < 50 && !(text.Contains("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)
                 && Value(text, "propertyhub_queue_events_total", "kind=\"Created\"") > before); tries++)
        {
            await Task.Delay(100);
            text = await ScrapeAsync(admin);
        }
        Assert.Contains("http_server_request_duration_seconds_bucket{", text);
        Assert.Contains("microsoft_entityframeworkcore_", text);
        Assert.True(Value(text, "propertyhub_queue_events_total", "kind=\"Created\"") > before, text);
    }

    [Fact]
    public async Task Metrics_DutyRun_CountedByDutyAndOutcomeAndTraced()
    {
        var admin = await factory.ClientForRoleAsync(Roles.Admin);
        var series = $"duty=\"{SqliteBackupDuty.DutyName}\",outcome=\"already_done\"";
        var before = Value(await ScrapeAsync(admin), "propertyhub_duty_runs_total", series);
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == Telemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => { lock (activities) activities.Add(a); },
        };
        ActivitySource.AddActivityListener(listener);
        var runner = factory.Services.GetRequiredService<DutyRunner>();
        var duty = runner.Find(SqliteBackupDuty.DutyName);
        var period = "metrics-" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(RunOutcome.Ran, await runner.RunAsync(duty, period, CancellationToken.None));
        Assert.Equal(RunOutcome.AlreadyDone, await runner.RunAsync(duty, period, CancellationToken.None));

        Assert.True(Value(await ScrapeAsync(admin), "propertyhub_duty_runs_total", series) > before);
        lock (activities)
        {
            var mine = activities.Where(a => Equals(a.GetTagItem("propertyhub.period"), period)).ToList();
            Assert.Equal(["ran", "already_done"], mine.Select(a => (string?)a.GetTagItem("propertyhub.outcome")));
            Assert.All(mine, a => Assert.Equal("duty " + SqliteBackupDuty.DutyName, a.DisplayName));
        }
    }

    [Fact]
    public async Task Metrics_AnonymousOrClerkOrWrongToken_Refused()
    {
        var anonymous = await factory.NewClient().GetAsync("/metrics");
        var clerk = await (await factory.ClientForRoleAsync(Roles.Clerk)).GetAsync("/metrics");
        var wrong = factory.NewClient();
        wrong.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");
        var wrongToken = await wrong.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, clerk.StatusCode);
        Assert.Contains("/account/denied", clerk.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, wrongToken.StatusCode);
    }

    [Fact]
    public async Task Metrics_ScraperWithTheToken_Reads()
    {
        var scraper = factory.NewClient();
        scraper.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        var text = await ScrapeAsync(scraper);

        Assert.Contains("# TYPE", text);
    }

    [Fact]
    public async Task Traces_OnlyWithAnOtlpEndpoint()
    {
        await using var withEndpoint = new AppFactory { Settings = { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" } };

        Assert.Equal(HttpStatusCode.OK, (await withEndpoint.NewClient().GetAsync("/health/live")).StatusCode);
        Assert.NotNull(withEndpoint.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        _ = factory.NewClient();
        Assert.Null(factory.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
