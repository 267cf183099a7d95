using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>
/// The steps both databases run: a complaint logged before the occupant is VIP follows the VIP service as it starts,
/// changes (never later) and ends; only staff who may serve VIPs are offered and taken as service manager.
/// </summary>
public static class VipFollowTesting
{
    public sealed record Steps(Func<string, Func<IServiceProvider, Task>, Task> As, Func<Task<AppDbContext>> Db, DateOnly Today);

    public static async Task ItemFollowsStartChangeAndEndAsync(Steps s, int skip, Func<int, int> announced)
    {
        await using var read = await s.Db();
        var who = await read.Occupants.Where(o => !o.IsVip).OrderBy(o => o.Id).Skip(skip).Select(o => new { o.Id, o.UnitId, o.Unit!.Building!.EstateId }).FirstAsync();
        var supervisor = await read.Users.Where(u => u.Email == SignIn.DemoEmail(Roles.Supervisor)).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        ServiceRequest logged = null!;
        await s.As(Roles.Clerk, async sp => logged = (await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
        {
            EstateId = who.EstateId, Kind = RequestKind.Complaint, Channel = Channel.ComplaintLine, Outcome = IntakeOutcome.Logged,
            UnitId = who.UnitId, OccupantId = who.Id, CallerName = "业委会", Content = "电梯困人。",
        })).Request!);
        Assert.Equal((logged.ReceivedAt.AddHours(72), (string?)null), (logged.DueAt, logged.ServiceManagerName));
        var before = announced(logged.Id);

        var form = new VipForm { OccupantId = who.Id, Reason = "业委会委员", ServiceManagerId = supervisor.Id, ComplaintReplyHours = 24, ReviewOn = s.Today.AddDays(30) };
        await s.As(Roles.Manager, async sp => Assert.True((await sp.GetRequiredService<VipService>().SaveAsync(form)).Succeeded));
        var started = await LoadAsync(s, logged.Id);
        // Set at the moment the item was logged (the clock stands still here): due 24 h on, warned 8 h before, not at once.
        Assert.Equal((logged.ReceivedAt.AddHours(24), logged.ReceivedAt.AddHours(16), supervisor.DisplayName, supervisor.Id),
            (started.DueAt, started.WarnAt, started.ServiceManagerName, started.ServiceManagerId));
        Assert.True(announced(logged.Id) > before, "The queue was not told of the item's new deadline");
        Assert.Contains(started.Timeline, t => t.Kind == TimelineKind.Note && t.Phrase != null && t.Phrase.Contains("VipItemFollows"));

        // A longer VIP deadline (still shorter than the estate's) never makes the open item later.
        form.ComplaintReplyHours = 48;
        await s.As(Roles.Manager, async sp => Assert.True((await sp.GetRequiredService<VipService>().SaveAsync(form)).Succeeded));
        Assert.Equal(logged.ReceivedAt.AddHours(24), (await LoadAsync(s, logged.Id)).DueAt);

        var beforeEnd = announced(logged.Id);
        await s.As(Roles.Manager, async sp => Assert.True((await sp.GetRequiredService<VipService>().EndAsync(who.Id)).Succeeded));
        var ended = await LoadAsync(s, logged.Id);
        Assert.Equal((logged.ReceivedAt.AddHours(72), logged.ReceivedAt.AddHours(48), (string?)null), (ended.DueAt, ended.WarnAt, ended.ServiceManagerName));
        Assert.True(announced(logged.Id) > beforeEnd);
        await using var check = await s.Db();
        Assert.Equal((false, true), (await check.Occupants.Where(o => o.Id == who.Id).Select(o => o.IsVip).SingleAsync(),
            await check.VipProfiles.AnyAsync(v => v.OccupantId == who.Id && v.EndedAt != null)));
    }

    public static async Task OnlyServingStaffAsync(Steps s, int skip)
    {
        await using var read = await s.Db();
        var who = await read.Occupants.Where(o => !o.IsVip).OrderBy(o => o.Id).Skip(skip).Select(o => o.Id).FirstAsync();
        var names = DemoUsers.All.ToDictionary(u => u.Role, u => u.DisplayName);
        IReadOnlyList<ServiceManagerOption> offered = [];
        await s.As(Roles.Manager, async sp => offered = await sp.GetRequiredService<VipService>().ServiceManagersAsync());
        Assert.Equal(new[] { names[Roles.Clerk], names[Roles.Supervisor], names[Roles.Manager] }.Order(), offered.Select(o => o.Name).Where(names.ContainsValue).Order());
        Assert.DoesNotContain(offered, o => o.Name == names[Roles.Engineer] || o.Name == names[Roles.Security]);

        var engineer = await read.Users.Where(u => u.Email == SignIn.DemoEmail(Roles.Engineer)).Select(u => u.Id).SingleAsync();
        PropertyHub.Features.Registry.SaveResult<VipForm>? result = null;
        await s.As(Roles.Manager, sp => PropertyHub.Tests.Features.Registry.RegistryTesting.InCultureAsync("zh-Hans", async () =>
            result = await sp.GetRequiredService<VipService>().SaveAsync(new VipForm { OccupantId = who, Reason = "业委会", ServiceManagerId = engineer, ReviewOn = s.Today.AddDays(9) })));
        Assert.Equal($"{names[Roles.Engineer]} 不能担任 VIP 专属服务经理：请从列出的客服、客服主管或经理中选择。", result!.ErrorFor(nameof(VipForm.ServiceManagerId)));
        await using var check = await s.Db();
        Assert.False(await check.VipProfiles.AnyAsync(v => v.OccupantId == who));
    }

    private static async Task<ServiceRequest> LoadAsync(Steps s, int id)
    {
        await using var db = await s.Db();
        return await db.ServiceRequests.AsNoTracking().Include(r => r.Timeline).SingleAsync(r => r.Id == id);
    }
}
