using System.Globalization;
using System.Net;
using Bunit;
using MudBlazor.Services;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception.Escalation;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Tests.Features.ScheduledDuties;

/// <summary>
/// The Hangfire dashboard is read-only for all but Admin, and a recurring job removed on it is flagged on /duties,
/// restorable there by an admin and registered again at the next start.
/// </summary>
[Collection(HangfireHostCollection.Name)]
public sealed partial class DutiesDashboardTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const string Job = EscalationSweep.JobId;

    [Fact]
    public async Task Post_SupervisorRemovesOrTriggers_RefusedAndTheJobStaysUntriggered()
    {
        await using var factory = new AppFactory { DutiesEnabled = true };
        var client = await factory.ClientForRoleAsync(Roles.Supervisor);
        var before = await WaitForJobAsync(factory);
        var page = await client.GetStringAsync("/jobs/recurring");

        var removed = await PostAsync(client, page, "/jobs/recurring/remove");
        var triggered = await PostAsync(client, page, "/jobs/recurring/trigger");

        Assert.Equal(HttpStatusCode.Forbidden, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, triggered.StatusCode);
        var after = Recurring(factory);
        Assert.NotNull(after);
        Assert.Equal(before.Cron, after.Cron);
        Assert.Equal(before.LastJobId, after.LastJobId);
        // Read-only: the page offers no command, and the live counters (a post that only reads) still answer.
        Assert.DoesNotContain("recurring/remove", page);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, page, "/jobs/stats", "metrics[]=enqueued:count")).StatusCode);
    }

    [Fact]
    public async Task Post_AdminRemoves_DutiesPageFlagsItAndAdminRestoresIt()
    {
        await using var factory = new AppFactory { DutiesEnabled = true };
        var admin = await factory.ClientForRoleAsync(Roles.Admin);
        var before = await WaitForJobAsync(factory);
        var page = await admin.GetStringAsync("/jobs/recurring");

        Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(admin, page, "/jobs/recurring/remove")).StatusCode);
        Assert.Null(Recurring(factory));

        var asSupervisor = await SnapshotAsync(factory, Roles.Supervisor);
        var row = Assert.Single(asSupervisor.Jobs, j => j.Id == Job);
        Assert.False(row.Scheduled);
        Assert.False(row.CanRestore);
        Assert.All(asSupervisor.Jobs.Where(j => j.Id != Job), j => Assert.True(j.Scheduled));
        Assert.All(asSupervisor.Duties, d => Assert.True(d.Scheduled));
        Assert.False(await RestoreAsync(factory, Roles.Supervisor));
        Assert.Null(Recurring(factory));
        Assert.True(Assert.Single((await SnapshotAsync(factory, Roles.Admin)).Jobs, j => j.Id == Job).CanRestore);

        Assert.True(await RestoreAsync(factory, Roles.Admin));

        var restored = Recurring(factory);
        Assert.NotNull(restored);
        Assert.Equal(before.Cron, restored.Cron);
        Assert.Equal(before.TimeZoneId, restored.TimeZoneId);
        Assert.Equal(before.Job.ToString(), restored.Job.ToString());
        Assert.True(Assert.Single((await SnapshotAsync(factory, Roles.Admin)).Jobs, j => j.Id == Job).Scheduled);
    }

    [Fact]
    public async Task DutiesPage_JobRemoved_SaysSoToASupervisorAndAnAdminRestoresItWithTheButton()
    {
        await using var factory = new AppFactory { DutiesEnabled = true };
        await WaitForJobAsync(factory);
        RemoveFromStorage(factory);
        Assert.Null(Recurring(factory));
        const string Flag = $"[data-testid=job-{Job}] [data-testid=not-scheduled]";
        const string Button = $"[data-testid=job-{Job}] [data-testid=restore-schedule]";

        await factory.AsAsync(Roles.Supervisor, async sp =>
        {
            await using var ctx = NewContext(sp);
            var page = ctx.Render<DutiesPage>();
            page.WaitForAssertion(() => page.Find(Flag));
            Assert.Contains("restored at the next start", page.Find(Flag).TextContent);
            Assert.Empty(page.FindAll(Button));
        });
        await factory.AsAsync(Roles.Admin, async sp =>
        {
            await using var ctx = NewContext(sp);
            var page = ctx.Render<DutiesPage>();
            page.WaitForAssertion(() => page.Find(Button));

            await page.Find(Button).ClickAsync(new());

            page.WaitForAssertion(() => Assert.Empty(page.FindAll(Flag)));
        });
        Assert.Equal(EscalationSweep.Cron, Recurring(factory)?.Cron);
    }

    [PostgresFact]
    public async Task RemovedOnTheDashboard_NextStartOnTheSameStorage_RegistersItAgain()
    {
        var connection = postgres.ConnectionString("jobs_" + Guid.NewGuid().ToString("N")[..8]);
        await using (var first = new AppFactory { DutiesEnabled = true, Provider = DatabaseProvider.Postgres, ConnectionString = connection })
        {
            var admin = await first.ClientForRoleAsync(Roles.Admin);
            await WaitForJobAsync(first);
            Assert.Equal(HttpStatusCode.NoContent, (await PostAsync(admin, await admin.GetStringAsync("/jobs/recurring"), "/jobs/recurring/remove")).StatusCode);
            Assert.Null(Recurring(first));
        }

        await using var second = new AppFactory { DutiesEnabled = true, Provider = DatabaseProvider.Postgres, ConnectionString = connection };
        _ = second.NewClient();

        var job = await WaitForJobAsync(second);
        Assert.Equal(EscalationSweep.Cron, job.Cron);
    }

    private static BunitContext NewContext(IServiceProvider sp)
    {
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo("en");
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(sp.GetRequiredService<DutiesOverview>());
        return ctx;
    }

    /// <summary>Takes the job out of Hangfire's storage directly, as the dashboard's delete does, leaving the app's record of it.</summary>
    private static void RemoveFromStorage(WebApplicationFactory<Program> factory)
    {
        var storage = factory.Services.GetRequiredService<JobStorage>();
        new RecurringJobManager(storage).RemoveIfExists(Job);
    }

    private static RecurringJobDto? Recurring(WebApplicationFactory<Program> factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == Job);
    }

    /// <summary>The sweep's recurring job, once the start has registered it.</summary>
    private static async Task<RecurringJobDto> WaitForJobAsync(WebApplicationFactory<Program> factory)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Recurring(factory) is { } job)
                return job;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"{Job} was never registered");
    }

    /// <summary>Posts to the dashboard as its own page does: with the antiforgery token the page carries.</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string path, string? body = null)
    {
        var header = AntiforgeryHeader().Match(page);
        var token = AntiforgeryToken().Match(page);
        Assert.True(header.Success && token.Success, "The dashboard page carries no antiforgery token");
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body ?? $"jobs[]={Job}", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add(header.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[1].Value));
        return client.SendAsync(request);
    }

    private static async Task<DutiesSnapshot> SnapshotAsync(AppFactory factory, string role)
    {
        DutiesSnapshot? snapshot = null;
        await factory.AsAsync(role, async sp => snapshot = await sp.GetRequiredService<DutiesOverview>().SnapshotAsync());
        return snapshot!;
    }

    private static async Task<bool> RestoreAsync(AppFactory factory, string role)
    {
        var restored = false;
        await factory.AsAsync(role, async sp => restored = await sp.GetRequiredService<DutiesOverview>().RestoreScheduleAsync(Job));
        return restored;
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
