using Bunit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Settings;
using PropertyHub.Tests.Features.Registry;
using MudBlazor.Services;

namespace PropertyHub.Tests.Features.Fees.Collection;

/// <summary>Payment requests and collection tasks for the collection tests.</summary>
public static class CollectionTesting
{
    public static readonly DateOnly October = new(2026, 10, 1);
    public static readonly DateOnly November = new(2026, 11, 1);
    public static readonly DateOnly December = new(2026, 12, 1);

    /// <summary>
    /// Bills the first <paramref name="units"/> occupied units for October, November and December. Every fifth
    /// November request and every third October request is paid in full, every seventh November one in part.
    /// Returns the requests of November and before that are still unpaid (the ones that need a task).
    /// </summary>
    public static async Task<HashSet<int>> SeedManyAsync(this WebApplicationFactory<Program> app, int units)
    {
        await using var db = await app.DbAsync();
        var chosen = await db.Units.Include(u => u.Building).Include(u => u.Occupants)
            .Where(u => u.Occupants.Any()).OrderBy(u => u.Id).Take(units).ToListAsync();
        var requests = new List<PaymentRequest>();
        for (var i = 0; i < chosen.Count; i++)
        {
            var unit = chosen[i];
            foreach (var month in new[] { October, November, December })
            {
                var paid = month == November ? (i % 5 == 0 ? 300m : i % 7 == 0 ? 120.50m : 0m)
                    : month == October ? (i % 3 == 0 ? 300m : 0m)
                    : 0m;
                requests.Add(Request(unit.Building!.EstateId, unit.BuildingId, unit.Id, unit.Occupants[0].Id, month, 300m, paid));
            }
        }
        db.PaymentRequests.AddRange(requests);
        await db.SaveChangesAsync();
        return requests.Where(r => r.Month <= November && r.Paid < r.Total).Select(r => r.Id).ToHashSet();
    }

    public static PaymentRequest Request(int estateId, int buildingId, int unitId, int occupantId, DateOnly month, decimal total, decimal paid = 0) => new()
    {
        EstateId = estateId, BuildingId = buildingId, UnitId = unitId, OccupantId = occupantId,
        Month = month, DueDate = month.AddDays(19), IssuedAt = DateTimeOffset.UtcNow, Total = total, Paid = paid,
        Lines = [new PaymentRequestLine { Kind = RequestLineKind.Fee, Description = "物业管理费", Quantity = 1, Rate = total, Amount = total }],
    };

    public static async Task<int> CreateTasksAsync(this WebApplicationFactory<Program> app, DateOnly? month = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CollectionTaskCreator>().CreateAsync(month ?? November, CancellationToken.None);
    }

    public static async Task<AppDbContext> DbAsync(this WebApplicationFactory<Program> app)
    {
        var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    /// <summary>Puts every task of a unit in a demo user's list.</summary>
    public static async Task AssignUnitAsync(this WebApplicationFactory<Program> app, int unitId, string role)
    {
        await using var db = await app.DbAsync();
        var user = await db.Users.SingleAsync(u => u.Email == SignIn.DemoEmail(role));
        await db.CollectionTasks.Where(t => t.UnitId == unitId)
            .ExecuteUpdateAsync(t => t.SetProperty(x => x.AssignedToId, user.Id).SetProperty(x => x.AssignedToName, user.DisplayName));
    }

    /// <summary>Renders the phone page in English over the app's real services, signed in as the demo user of a role.</summary>
    public static Task RenderMyVisitsAsync(this AppFactory factory, string role, Func<IRenderedComponent<MyVisitsPage>, Task> test) =>
        RegistryTesting.InCultureAsync("en", () => factory.AsAsync(role, async sp =>
        {
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<CollectionService>());
            ctx.Services.AddSingleton(sp.GetRequiredService<CollectionVisits>());
            ctx.Services.AddSingleton(sp.GetRequiredService<EstateTime>());
            await test(ctx.Render<MyVisitsPage>());
        }));
}
