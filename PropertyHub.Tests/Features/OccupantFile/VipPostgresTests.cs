using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>The VIP trial's fixes on PostgreSQL: the service managers' query and the open items following the VIP service.</summary>
[Collection(PostgresCollection.Name)]
public sealed class VipPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task OnPostgres_OnlyServingStaff_ItemFollowsStartChangeAndEnd()
    {
        await using var factory = new ClockedAppFactory(new DateTimeOffset(2026, 10, 15, 2, 0, 0, TimeSpan.Zero))
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("vip_" + Guid.NewGuid().ToString("N")[..8]),
        };
        var events = new List<WorkQueueEvent>();
        using var subscription = factory.Services.GetRequiredService<IWorkQueueEvents>().Subscribe(e =>
        {
            lock (events)
                events.Add(e);
            return Task.CompletedTask;
        });
        var steps = new VipFollowTesting.Steps((role, work) => factory.AsAsync(role, work), factory.CreateDbContextAsync, new DateOnly(2026, 10, 15));
        await VipFollowTesting.OnlyServingStaffAsync(steps, 3);
        await VipFollowTesting.ItemFollowsStartChangeAndEndAsync(steps, 5, id =>
        {
            lock (events)
                return events.Count(e => e.RequestId == id && e.Kind == WorkQueueEventKind.Changed);
        });
    }
}
