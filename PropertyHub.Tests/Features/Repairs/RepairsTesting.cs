using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;
using PropertyHub.Tests.Features.Reception;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>
/// Work-order steps on top of <see cref="ReceptionApp"/> (the app on the demo data with a fake clock): a clerk logs the
/// repair call, then each step as the role that takes it. Each test books its appointments on a day of its own.
/// </summary>
public static class RepairsTesting
{
    public const string OtherEngineerEmail = "engineer2@repairs.test";
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);
    private static int dayOffset;

    /// <summary>A signature as the pad draws it: one stroke of twelve points.</summary>
    public const string Signature = "M 10 10 L 20 14 L 30 20 L 40 24 L 50 30 L 60 34 L 70 40 L 80 44 L 90 50 L 100 54 L 110 60";

    /// <summary>A day (in the estate's zone) after the clock's today that no other test in the run books on.</summary>
    public static DateOnly FreshDay(this ReceptionApp app)
    {
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().ToOffset(Shanghai).DateTime);
        return today.AddDays(Interlocked.Increment(ref dayOffset));
    }

    public static DateTimeOffset At(DateOnly day, int hour, int minute = 0) =>
        new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, minute)), Shanghai).ToUniversalTime();

    public static async Task<ServiceRequest> LogRepairAsync(this ReceptionApp app, string content = "The kitchen tap leaks")
    {
        var result = await app.LogAsync(new Intake
        {
            EstateId = app.EstateId,
            Kind = RequestKind.Repair,
            Channel = Channel.RepairHotline,
            Outcome = IntakeOutcome.Logged,
            UnitId = app.UnitId,
            CallerName = "Ms Lin",
            Phone = "13800000000",
            Content = content,
        });
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Request!;
    }

    public static WorkOrderDraft FromRequest(ServiceRequest request, RepairUrgency urgency = RepairUrgency.Normal, bool paid = false) => new()
    {
        EstateId = request.EstateId,
        RequestId = request.Id,
        Location = RepairLocation.InUnit,
        Category = RepairCategory.Water,
        Urgency = urgency,
        IsPaid = paid,
        Description = request.Content,
    };

    public static Task<RepairResult> As(this ReceptionApp app, string role, Func<WorkOrderService, Task<RepairResult>> action) =>
        app.InScopeAs(role, sp => action(sp.GetRequiredService<WorkOrderService>()));

    /// <summary>A work order for a freshly logged repair call, created by the clerk.</summary>
    public static async Task<WorkOrder> NewOrderAsync(this ReceptionApp app, RepairUrgency urgency = RepairUrgency.Normal)
    {
        var request = await app.LogRepairAsync();
        return Ok(await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(request, urgency))));
    }

    public static async Task<string> EngineerIdAsync(this ReceptionApp app, string email)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static Task<string> DemoEngineerIdAsync(this ReceptionApp app) => app.EngineerIdAsync(SignIn.DemoEmail(Roles.Engineer));

    /// <summary>A second engineer (the demo data has one), created once per app.</summary>
    public static async Task<string> OtherEngineerIdAsync(this ReceptionApp app)
    {
        await using (var scope = app.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByEmailAsync(OtherEngineerEmail) is null)
            {
                var user = new AppUser { UserName = OtherEngineerEmail, Email = OtherEngineerEmail, DisplayName = "周工", Surname = "周", EmailConfirmed = true };
                Assert.True((await users.CreateAsync(user, "Engineer-2-Password!")).Succeeded);
                Assert.True((await users.AddToRoleAsync(user, Roles.Engineer)).Succeeded);
            }
        }
        return await app.EngineerIdAsync(OtherEngineerEmail);
    }

    /// <summary>Service code as the second engineer.</summary>
    public static async Task<RepairResult> AsOtherEngineer(this ReceptionApp app, Func<WorkOrderService, Task<RepairResult>> action)
    {
        await app.OtherEngineerIdAsync();
        await using var scope = app.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(OtherEngineerEmail);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user!);
        ((IHostEnvironmentAuthenticationStateProvider)sp.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return await action(sp.GetRequiredService<WorkOrderService>());
    }

    public static AppointmentDraft Appointment(DateOnly day, string engineerId, int from = 9, int to = 11) => new()
    {
        WindowStart = At(day, from),
        WindowEnd = At(day, to),
        WorkContent = "Replace the tap's washer",
        ExpectedMinutes = 45,
        EngineerId = engineerId,
    };

    public static WorkOrder Ok(RepairResult result)
    {
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Message)));
        return result.Order!;
    }

    public static async Task<WorkOrder> LoadOrderAsync(this ReceptionApp app, int id)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.WorkOrders.AsNoTracking().Include(w => w.Appointments).Include(w => w.Request).ThenInclude(r => r!.Timeline)
            .AsSplitQuery().SingleAsync(w => w.Id == id);
    }

    /// <summary>Scheduled, visited, done and accepted: a completed order waiting for its follow-up call.</summary>
    public static async Task<WorkOrder> CompletedOrderAsync(this ReceptionApp app)
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        order = Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
        order = Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Washer replaced")));
        return Ok(await app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, true, null, RepairsTesting.Signature)));
    }

    public static async Task<(int Orders, int Appointments, int FollowUps, int Requests, int Timeline)> CountAllAsync(this ReceptionApp app)
    {
        await using var db = await app.CreateDbContextAsync();
        return (await db.WorkOrders.CountAsync(), await db.Appointments.CountAsync(), await db.RepairFollowUps.CountAsync(),
            await db.ServiceRequests.CountAsync(), await db.TimelineEntries.CountAsync());
    }
}
