using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>Helpers for the queue's tests: acting as a demo user, a private estate, items with chosen times.</summary>
internal static class QueueTesting
{
    /// <summary>Runs code in a scope of the app as the demo user of the role, the way a circuit does.</summary>
    /// <summary>A complaint on the complaint line, logged by the clerk through the real service (which publishes it).</summary>
    public static async Task<ServiceRequest> LogComplaintAsync(this AppFactory factory, string content = "The lift on the east side stops between floors.")
    {
        ServiceRequest? logged = null;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var unit = await db.Units.Include(u => u.Building).OrderBy(u => u.Id).FirstAsync();
            var result = await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
            {
                EstateId = unit.Building!.EstateId,
                Kind = RequestKind.Complaint,
                Channel = Channel.ComplaintLine,
                Outcome = IntakeOutcome.Logged,
                UnitId = unit.Id,
                CallerName = "Mr Lin",
                Content = content,
            });
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
            logged = result.Request;
        });
        return logged!;
    }

    /// <summary>A new estate with two buildings ("1" and "2") of two units each, so tests do not see each other's items.</summary>
    public static async Task<(Estate Estate, List<Unit> Units)> NewEstateAsync(AppDbContext db)
    {
        var estate = new Estate { Name = "Test " + Guid.NewGuid().ToString("N")[..8], OfficeName = "Test office" };
        foreach (var code in new[] { "1", "2" })
        {
            var building = new Building { Code = code, Name = $"Building {code}" };
            building.Units.Add(new Unit { Number = "101", Floor = 1, Area = 80 });
            building.Units.Add(new Unit { Number = "102", Floor = 1, Area = 80 });
            estate.Buildings.Add(building);
        }
        db.Estates.Add(estate);
        await db.SaveChangesAsync();
        return (estate, estate.Buildings.SelectMany(b => b.Units).ToList());
    }

    public static ServiceRequest With(this ServiceRequest request, Action<ServiceRequest> change)
    {
        change(request);
        return request;
    }

    public static ServiceRequest Item(int estateId, RequestKind kind, DateTimeOffset receivedAt, DateTimeOffset? dueAt, string content = "test item") => new()
    {
        EstateId = estateId,
        Kind = kind,
        Channel = Channel.ServiceLine,
        Content = content,
        Status = RequestStatus.Open,
        ReceivedAt = receivedAt,
        DueAt = dueAt,
        WarnAt = dueAt?.AddHours(-24),
        TakenByName = "test",
    };
}
