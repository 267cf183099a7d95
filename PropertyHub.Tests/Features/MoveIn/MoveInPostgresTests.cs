using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.MoveIn;

namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>On PostgreSQL: owners picking one slot at the same moment leave one holder; reminders and late proxy services go once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class MoveInPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task SixOwnersPickingOneSlotAtOnce_OneHoldsIt_TheRestAreToldItIsTaken_AndTheReminderGoesOnce()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("movein_" + Guid.NewGuid().ToString("N")[..8]),
        };
        var moveIns = new MoveInTesting(factory);
        var (batchId, ids) = await moveIns.NoticedBatchAsync(6, inDays: 1);
        var slot = (await moveIns.SlotsAsync(batchId))[0];
        var tokens = new List<string>();
        foreach (var id in ids)
            tokens.Add(await moveIns.TokenAsync(id));

        var results = await Task.WhenAll(tokens.Select(t => moveIns.PickAsync(t, slot)));

        Assert.Single(results, r => r.Ok);
        Assert.All(results.Where(r => !r.Ok), r => Assert.Equal("SlotTaken", r.Errors["Slot"]));
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MoveInReminders>().RemindAsync(today);
        }));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await db.MoveIns.CountAsync(m => m.SlotId == slot));
        var reminders = await db.Notices.Where(n => n.Kind == MoveInNotices.ReminderKind).ToListAsync();
        Assert.Equal(ids.Count, reminders.Select(n => n.SourceKey).Distinct().Count());
        Assert.Equal(reminders.Count, reminders.Select(n => (n.SourceKey, n.Channel)).Distinct().Count());
    }
}
