using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>Move-in batches on a test app: planned as a Supervisor, noticed, and the owners' slot links read back from the outbox.</summary>
public sealed class MoveInTesting(AppFactory factory)
{
    public const string Signature = PropertyHub.Tests.Features.Fees.PaidServices.PaidServiceServiceTests.Signature;

    public async Task<T> AsAsync<T, TService>(string role, Func<TService, Task<T>> action) where TService : notnull
    {
        T result = default!;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<TService>()));
        return result;
    }

    /// <summary>A batch of <paramref name="count"/> owned units not in a batch yet, handed over from <paramref name="inDays"/> days on, two one-hour slots a day for two days; noticed.</summary>
    public async Task<(int BatchId, IReadOnlyList<int> MoveIns)> NoticedBatchAsync(int count, int inDays = 3)
    {
        int estateId;
        List<string> addresses;
        await using (var db = await factory.CreateDbContextAsync())
        {
            estateId = await db.Estates.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            var taken = await db.MoveIns.Select(m => m.UnitId).ToListAsync();
            addresses = await db.Units.Where(u => u.Building!.EstateId == estateId && !taken.Contains(u.Id) && u.Occupants.Any(o => o.Role == OccupantRole.Owner))
                .OrderByDescending(u => u.Id).Take(count).Select(u => u.Building!.Code + "-" + u.Number).ToListAsync();
        }
        var today = factory.Services.GetRequiredService<EstateTime>().Today(estateId);
        var input = new BatchInput
        {
            EstateId = estateId, Name = "第一批交房", FirstDay = today.AddDays(inDays), LastDay = today.AddDays(inDays + 1),
            DayStart = new(9, 0), DayEnd = new(11, 0), SlotMinutes = 60, Units = string.Join(", ", addresses),
        };
        var created = await AsAsync<MoveInResult, MoveInBatchService>(Roles.Supervisor, s => s.CreateAsync(input));
        Assert.True(created.Ok, string.Join(",", created.Errors));
        var sent = await AsAsync<MoveInResult, MoveInBatchService>(Roles.Supervisor, s => s.SendNoticesAsync(created.Id!.Value));
        Assert.True(sent.Ok, string.Join(",", sent.Errors));
        await using var read = await factory.CreateDbContextAsync();
        var ids = await read.MoveIns.Where(m => m.BatchId == created.Id).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync();
        return (created.Id!.Value, ids);
    }

    /// <summary>The token of the owner's slot link, as their notice carries it.</summary>
    public async Task<string> TokenAsync(int moveInId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var sealedLink = await db.Notices.Where(n => n.Kind == MoveInNotices.NoticeKind && n.SourceKey == MoveInNotices.Source(moveInId))
            .Select(n => n.SealedLink).FirstAsync();
        var url = factory.Services.OpenLink(sealedLink)!;
        return url[(url.LastIndexOf("/h/", StringComparison.Ordinal) + 3)..];
    }

    /// <summary>The owner picks a slot through their link, as nobody signed in.</summary>
    public async Task<MoveInResult> PickAsync(string token, int slotId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        ActingAs.AnonymousScope(scope.ServiceProvider);
        return await scope.ServiceProvider.GetRequiredService<HandoverSlots>().PickAsync(token, slotId);
    }

    public async Task<List<int>> SlotsAsync(int batchId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.MoveInSlots.Where(s => s.BatchId == batchId).OrderBy(s => s.Day).ThenBy(s => s.Start).Select(s => s.Id).ToListAsync();
    }

    public async Task<MoveInSheet> SheetAsync(int moveInId) =>
        (await AsAsync<MoveInSheet?, MoveInService>(Roles.Clerk, s => s.SheetAsync(moveInId)))!;

    /// <summary>Inspected without defects and the keys signed for: ready to complete.</summary>
    public async Task ReadyAsync(int moveInId)
    {
        var sheet = await SheetAsync(moveInId);
        Assert.True((await AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.InspectAsync(moveInId, sheet.Version))).Ok);
        sheet = await SheetAsync(moveInId);
        Assert.True((await AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.SetKeysAsync(moveInId, sheet.Version, "大门钥匙 3 把"))).Ok);
        sheet = await SheetAsync(moveInId);
        Assert.True((await AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.SignKeysAsync(moveInId, sheet.Version, Signature))).Ok);
    }

    public async Task<MoveInResult> CompleteAsync(int moveInId)
    {
        var sheet = await SheetAsync(moveInId);
        return await AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.CompleteAsync(moveInId, sheet.Version, "业主满意"));
    }
}
