using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.Reception;

public sealed class IntakeFormTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<int> CountRequestsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ServiceRequests.CountAsync();
    }

    [Fact]
    public async Task Intake_EmptyContent_ShowsContentMessageAndSavesNothing()
    {
        var before = await CountRequestsAsync();
        await factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.Choose("intake-channel-Counter");
            page.Submit();
            page.WaitForAssertion(() => Assert.Equal("Describe what the occupant said.", page.ErrorUnder("intake-content")));
            return Task.CompletedTask;
        });
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task Intake_ComplaintByPhoneWithoutUnitOrCaller_ShowsBothMessages()
    {
        var before = await CountRequestsAsync();
        await factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.Choose("intake-kind-Complaint");
            page.Choose("intake-channel-ComplaintLine");
            page.Type("intake-content", "楼上每晚装修噪音");
            page.Submit();
            page.WaitForAssertion(() =>
            {
                Assert.Equal("For a call, ask which unit: \"May I have your unit number?\"", page.ErrorUnder("intake-caller-search"));
                Assert.Equal("For a call, ask the caller's name: \"May I have your name?\"", page.ErrorUnder("intake-caller-name"));
            });
            Assert.Equal("", page.ErrorUnder("intake-content"));
            return Task.CompletedTask;
        });
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task Intake_ValidComplaintForPickedOccupant_SavesWith72HoursAndBlanksTheForm()
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().Where(o => o.Phone != null).OrderBy(o => o.Id).Skip(11).FirstAsync();
        var content = "电梯按钮失灵 " + Guid.NewGuid().ToString("N")[..8];
        await factory.RenderIntakeAsync(Roles.Clerk, (page, ctx) =>
        {
            page.Type("intake-caller-search", occupant.Phone!);
            page.WaitForElement("[data-testid=intake-caller-hit]", TimeSpan.FromSeconds(10)).Click();
            page.WaitForAssertion(() => Assert.Equal(occupant.Name, page.Find("input[data-testid=intake-caller-name]").GetAttribute("value")));
            Assert.Equal(occupant.Phone, page.Find("input[data-testid=intake-phone]").GetAttribute("value"));
            page.Choose("intake-kind-Complaint");
            page.Type("intake-content", content);
            page.Submit();
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=intake-recent-item]")), TimeSpan.FromSeconds(10));
            Assert.Equal("", page.Find("textarea[data-testid=intake-content]").GetAttribute("value") ?? "");
            Assert.Equal("", page.Find("input[data-testid=intake-caller-name]").GetAttribute("value") ?? "");
            Assert.Empty(page.FindAll("[data-testid=intake-caller]"));
            var snack = Assert.Single(ctx.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
            Assert.Equal(Severity.Success, snack.Severity);
            return Task.CompletedTask;
        });
        await using var check = await factory.CreateDbContextAsync();
        var saved = await check.ServiceRequests.SingleAsync(r => r.Content == content);
        Assert.Equal(RequestKind.Complaint, saved.Kind);
        Assert.Equal(occupant.UnitId, saved.UnitId);
        Assert.Equal(occupant.Id, saved.OccupantId);
        Assert.Equal(occupant.Name, saved.CallerName);
        Assert.Equal(saved.ReceivedAt.AddHours(72), saved.DueAt);
        Assert.Equal(RequestStatus.Open, saved.Status);
    }

    [Fact]
    public async Task Intake_ContentCtrlEnter_LogsTheContact()
    {
        var content = "询问停车月卡 " + Guid.NewGuid().ToString("N")[..8];
        await factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.Choose("intake-channel-Counter");
            page.Type("intake-content", content);
            page.Find("textarea[data-testid=intake-content]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
            Assert.Empty(page.FindAll("[data-testid=intake-recent-item]"));
            page.Find("textarea[data-testid=intake-content]").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter", CtrlKey = true });
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=intake-recent-item]")), TimeSpan.FromSeconds(10));
            return Task.CompletedTask;
        });
        await using var db = await factory.CreateDbContextAsync();
        var saved = await db.ServiceRequests.SingleAsync(r => r.Content == content);
        Assert.Equal(RequestStatus.Closed, saved.Status);
    }
}
