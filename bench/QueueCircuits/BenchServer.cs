using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Queue;

namespace QueueCircuits;

/// <summary>
/// The server side of the benchmark, run in its own process (<c>--serve</c>) so that its heap holds only the app:
/// no benchmark driver, no Playwright client. The driver reads it through a few loopback-only endpoints under
/// <c>/_bench/</c>, answered by this process alone.
/// </summary>
internal static class BenchServer
{
    public const string ReadyLine = "bench server listening on ";

    public static async Task<int> RunAsync()
    {
        using var batches = new RenderBatches();
        BenchApp? served = null;
        await using var app = served = new BenchApp(map => map.Run(context => AnswerAsync(context, served!, batches)));
        Console.WriteLine(ReadyLine + app.BaseUrl);
        // The driver ends this process by closing its standard input (or by killing it, if it dies first).
        await Console.In.ReadToEndAsync();
        return 0;

        static async Task AnswerAsync(HttpContext context, BenchApp app, RenderBatches renderBatches)
        {
            object answer = context.Request.Path.Value switch
            {
                "/stats" => new Stats(app.Circuits.Open, QueuePage.RenderCount, renderBatches.Count, 0),
                "/heap" => new Stats(app.Circuits.Open, QueuePage.RenderCount, renderBatches.Count, FullGcBytes()),
                "/log" => await LogOpenItemsAsync(app, int.Parse(context.Request.Query["count"]!)),
                _ => "unknown",
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(answer));
        }
    }

    private static long FullGcBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task<int> LogOpenItemsAsync(BenchApp app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var units = (await db.Units.Include(u => u.Building).OrderBy(u => u.Id).Take(count).ToListAsync())
            .Select(u => (u.Building!.EstateId, u.Id)).ToList();
        await PropertyHub.Bench.ActingScope.SignInAsync(scope.ServiceProvider, PropertyHub.Features.Accounts.Roles.Clerk);
        var reception = scope.ServiceProvider.GetRequiredService<ReceptionService>();
        for (var i = 0; i < count; i++)
        {
            var (estateId, unitId) = units[i % units.Count];
            var result = await reception.LogAsync(new Intake
            {
                EstateId = estateId, Kind = RequestKind.Complaint, Channel = Channel.ComplaintLine, Outcome = IntakeOutcome.Logged,
                UnitId = unitId, CallerName = "Bench caller", Content = $"Benchmark complaint {i}",
            });
            if (!result.Succeeded)
                throw new InvalidOperationException("Logging a complaint failed: " + string.Join("; ", result.Errors.Select(e => e.Message)));
        }
        return count;
    }
}

internal sealed record Stats(int Circuits, long QueuePageRenders, long RenderBatches, long HeapBytes);

/// <summary>Adds the benchmark's own endpoints in front of the app's pipeline.</summary>
internal sealed class BenchEndpoints(Action<IApplicationBuilder> map) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/_bench", map);
        next(app);
    };
}
