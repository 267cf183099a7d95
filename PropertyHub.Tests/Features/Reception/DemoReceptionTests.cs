using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.Reception;

public sealed class DemoReceptionTests
{
    [Fact]
    public async Task DemoContacts_FirstStart_OpenItemsAtEveryStageAndAFortnightOfHistory()
    {
        await using var factory = new AppFactory();
        factory.Settings["Seed:DemoContacts"] = "true";
        _ = factory.NewClient();

        await using var db = await factory.CreateDbContextAsync();
        var open = await db.ServiceRequests.Where(r => r.Status == RequestStatus.Open).ToListAsync();
        var closed = await db.ServiceRequests.Where(r => r.Status == RequestStatus.Closed).ToListAsync();
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(10, open.Count);
        Assert.Equal(28, closed.Count);
        Assert.Contains(open, r => r.DueAt < now);
        Assert.Contains(open, r => r.WarnAt <= now && r.DueAt > now);
        Assert.Contains(open, r => r.WarnAt > now);
        Assert.All(closed, r => Assert.NotNull(r.RepliedAt));
        Assert.Contains(closed, r => r.RepliedLate);
        Assert.Equal(38, await db.TimelineEntries.CountAsync(t => t.Kind == TimelineKind.Created));
        // The demo's VIPs carry their service on their items: an open one shows the badge with the service manager.
        var vips = await db.VipProfiles.Where(v => v.EndedAt == null).ToDictionaryAsync(v => v.OccupantId, v => v.ServiceManagerName);
        Assert.Contains(open, r => r.OccupantId is { } id && vips.ContainsKey(id) && r.ServiceManagerName == vips[id]);
        Assert.All(open.Concat(closed), r => Assert.Equal(r.OccupantId is { } id && vips.TryGetValue(id, out var manager) ? manager : null, r.ServiceManagerName));
    }

    [Fact]
    public async Task DemoContacts_SecondStart_AddsNothing()
    {
        await using var factory = new AppFactory();
        factory.Settings["Seed:DemoContacts"] = "true";
        _ = factory.NewClient();
        await factory.WithScopeAsync(sp => sp.GetRequiredService<PropertyHub.Features.Reception.Demo.DemoReception>().SeedAsync());

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(38, await db.ServiceRequests.CountAsync());
    }
}
