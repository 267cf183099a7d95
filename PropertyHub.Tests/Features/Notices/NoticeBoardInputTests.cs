using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;

namespace PropertyHub.Tests.Features.Notices;

/// <summary>A board post cannot reorder what readers see: bidirectional and zero-width characters never reach the board.</summary>
public sealed class NoticeBoardInputTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    private async Task<T> AsSupervisorAsync<T>(Func<NoticeService, Task<T>> action)
    {
        await using var scope = app.App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Supervisor);
        var notices = scope.ServiceProvider.GetRequiredService<NoticeService>();
        return await action(notices);
    }

    [Fact]
    public async Task Post_BidiOverrideInSubjectAndBody_IsStoredWithoutIt()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];

        var notice = await AsSupervisorAsync(async s =>
            await s.PostAsync((await s.EstatesAsync())[0].Id, new NoticeText($"\u202Eevil\u202C {tag}", "停水\u200B通知\u2066，周五\u2069"), "zh-Hans"));

        await using var db = await app.CreateDbContextAsync();
        var stored = await db.Notices.AsNoTracking().SingleAsync(n => n.Id == notice.Id);
        Assert.Equal(($"evil {tag}", "停水通知，周五"), (stored.Subject, stored.Body));
    }

    [Fact]
    public async Task Post_OnlyInvisibleCharacters_IsRefusedAndStoresNothing()
    {
        await using var db = await app.CreateDbContextAsync();
        var before = await db.Notices.CountAsync(n => n.Channel == NoticeChannel.Board);

        await Assert.ThrowsAsync<ArgumentException>(() => AsSupervisorAsync(async s =>
            await s.PostAsync((await s.EstatesAsync())[0].Id, new NoticeText("\u202E\u200B", "body"), "en")));

        Assert.Equal(before, await db.Notices.CountAsync(n => n.Channel == NoticeChannel.Board));
    }
}
