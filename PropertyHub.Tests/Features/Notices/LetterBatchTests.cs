using PropertyHub.Features.Accounts;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Notices;

namespace PropertyHub.Tests.Features.Notices;

public sealed class LetterBatchTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    private Task<T> Service<T>(Func<NoticeService, Task<T>> action) => app.InScopeAs(Roles.Clerk, sp => action(sp.GetRequiredService<NoticeService>()));

    [Fact]
    public async Task Letters_BuildingBatch_ListsPendingLettersAndMarkingDeliveredSetsSent()
    {
        var first = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(name: "李四")));
        var second = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(name: "张三")));
        var emailOnly = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(email: NoticesApp.NewEmail())));

        var batch = await Service(s => s.PendingLettersAsync(app.BuildingId));

        Assert.Contains(batch, l => l.Id == first.Id && l.Recipient == "李四");
        Assert.Contains(batch, l => l.Id == second.Id && l.Recipient == "张三");
        Assert.DoesNotContain(batch, l => l.Id == emailOnly.Id);
        Assert.All(batch, l => Assert.Matches(@"^\S+-\S+$", l.Unit));

        var marked = await Service(s => s.MarkDeliveredAsync(batch));

        Assert.Equal(batch.Count, marked);
        Assert.Equal(NoticeStatus.Sent, (await app.LoadAsync(first.Id)).Status);
        Assert.Equal(app.Clock.GetUtcNow(), (await app.LoadAsync(second.Id)).SentAt);
        Assert.Empty(await Service(s => s.PendingLettersAsync(app.BuildingId)));
    }

    [Fact]
    public async Task Letters_NotPickedByDeliveryDuty()
    {
        var letter = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync()));

        await app.DeliverAsync();

        var stored = await app.LoadAsync(letter.Id);
        Assert.Equal(NoticeStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
    }
}
