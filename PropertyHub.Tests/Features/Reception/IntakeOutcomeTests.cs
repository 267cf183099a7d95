using Bunit;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.Reception;

public sealed class IntakeOutcomeTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<int> CountRequestsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ServiceRequests.CountAsync();
    }

    [Fact]
    public async Task Intake_PickArchiveEntry_FillsTheAnswerAndLinksTheEntry()
    {
        await using var db = await factory.CreateDbContextAsync();
        var entry = await db.KnowledgeEntries.AsNoTracking().SingleAsync(k => k.Phone == "10086");
        var content = "问移动宽带报修电话 " + Guid.NewGuid().ToString("N")[..8];
        await factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.Choose("intake-kind-Complaint");
            page.Choose("intake-channel-Counter");
            page.Type("archive-search", "10086");
            page.WaitForElement("[data-testid=archive-hit]", TimeSpan.FromSeconds(10)).Click();
            page.WaitForAssertion(() => Assert.Equal(entry.Answer, page.Find("textarea[data-testid=intake-answer]").GetAttribute("value")));
            Assert.Contains(entry.Title, page.Find("[data-testid=intake-from-archive]").TextContent);
            page.Type("intake-content", content);
            page.Submit();
            page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=intake-recent-item]")), TimeSpan.FromSeconds(10));
            return Task.CompletedTask;
        });
        await using var check = await factory.CreateDbContextAsync();
        var saved = await check.ServiceRequests.Include(r => r.Timeline).SingleAsync(r => r.Content == content);
        Assert.Equal(RequestKind.Inquiry, saved.Kind);
        Assert.Equal(entry.Id, saved.KnowledgeEntryId);
        Assert.Equal(RequestStatus.Closed, saved.Status);
        Assert.Contains(saved.Timeline, t => t.Kind == TimelineKind.Answered && t.Text == entry.Answer);
    }

    [Fact]
    public async Task Intake_AgreedReplyTimeInThePast_IsRefused()
    {
        var before = await CountRequestsAsync();
        var yesterday = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddDays(-1), TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        await factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.Choose("intake-channel-Counter");
            page.Type("intake-content", "咨询车位租赁价格");
            page.Choose("intake-outcome-AgreedReply");
            page.Type("intake-agreed", yesterday.ToString("yyyy-MM-ddTHH:mm"));
            page.Submit();
            page.WaitForAssertion(() => Assert.Equal("The agreed reply time must be in the future.", page.ErrorUnder("intake-agreed")));
            return Task.CompletedTask;
        });
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task Intake_AgreedReplyTimeAtNight_WarnsOutsideServiceHours()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        var night = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone).Date.AddDays(2).AddHours(23);
        await factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.Choose("intake-outcome-AgreedReply");
            page.Type("intake-agreed", night.ToString("yyyy-MM-ddTHH:mm"));
            page.WaitForAssertion(() => Assert.Contains("09:00–21:00", page.Find("[data-testid=intake-agreed-outside]").TextContent));
            page.Type("intake-agreed", night.AddHours(-12).ToString("yyyy-MM-ddTHH:mm"));
            page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=intake-agreed-outside]")));
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task Intake_MegabyteOfContent_IsRefusedAndNothingSaved()
    {
        var before = await CountRequestsAsync();
        await factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.Choose("intake-channel-Counter");
            page.Type("intake-content", new string('投', 1024 * 1024));
            page.Submit();
            page.WaitForAssertion(() => Assert.Equal("At most 4000 characters.", page.ErrorUnder("intake-content")));
            return Task.CompletedTask;
        });
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task Intake_ScriptInContent_IsStoredAndShownAsText()
    {
        var content = "<script>alert('x')</script><b>漏水</b> " + Guid.NewGuid().ToString("N")[..8];
        await factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.Choose("intake-kind-Suggestion");
            page.Choose("intake-channel-Letter");
            page.Type("intake-caller-name", "<img src=x onerror=alert(1)>");
            page.Type("intake-content", content);
            page.Submit();
            var shown = page.WaitForElement("[data-testid=intake-recent-content]", TimeSpan.FromSeconds(10));
            Assert.Equal(content, shown.TextContent);
            Assert.Empty(shown.Children);
            Assert.Empty(page.FindAll("script"));
            Assert.Empty(page.FindAll("img"));
            Assert.Contains("&lt;script&gt;", page.Markup);
            return Task.CompletedTask;
        });
        await using var db = await factory.CreateDbContextAsync();
        var saved = await db.ServiceRequests.SingleAsync(r => r.Content == content);
        Assert.Equal("<img src=x onerror=alert(1)>", saved.CallerName);
    }

    [Fact]
    public async Task Intake_VipOccupantChosen_ShowsTheVipNotes()
    {
        int occupantId;
        string phone;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var occupant = await db.Occupants.Where(o => o.Phone != null && !o.IsVip).OrderBy(o => o.Id).Skip(40).FirstAsync();
            occupant.IsVip = true;
            occupant.VipNotes = "<i>业委会主任</i>，来电请转客服主管";
            await db.SaveChangesAsync();
            (occupantId, phone) = (occupant.Id, occupant.Phone!);
        }
        await factory.RenderIntakeAsync(Roles.Clerk, (page, _) =>
        {
            page.Type("intake-caller-search", phone);
            page.WaitForElement("[data-testid=intake-caller-hit]", TimeSpan.FromSeconds(10)).Click();
            var vip = page.WaitForElement("[data-testid=intake-vip]", TimeSpan.FromSeconds(10));
            Assert.Contains("<i>业委会主任</i>，来电请转客服主管", vip.TextContent);
            Assert.Empty(vip.QuerySelectorAll("i"));
            return Task.CompletedTask;
        });
    }
}
