using System.Net;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;

namespace PropertyHub.Tests.Features.Accounts.Access;

/// <summary>The unit page shows an occupant's notices (subject, state, raw error) only to the roles that see /notices.</summary>
public sealed class UnitPageNoticesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Subject = "欠费提醒 reminder-for-access-test";
    private const string Error = "smtp 550 mailbox-unavailable-for-access-test";

    [Theory]
    [InlineData(Roles.Engineer, false)]
    [InlineData(Roles.Finance, false)]
    [InlineData(Roles.Clerk, false)]
    [InlineData(Roles.Supervisor, true)]
    [InlineData(Roles.Manager, true)]
    [InlineData(Roles.Admin, true)]
    public async Task UnitPage_OccupantWithAFailedNotice_ShowsItOnlyToRolesThatSeeNotices(string role, bool shown)
    {
        var unitId = await FailedNoticeAsync();
        var client = await factory.ClientForRoleAsync(role);

        using var response = await client.GetAsync($"/units/{unitId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"unit-address\"", html);
        Assert.Equal(shown, html.Contains("data-testid=\"occupant-notices\""));
        if (!shown)
        {
            Assert.DoesNotContain(Subject, html);
            Assert.DoesNotContain(Error, html);
        }
        Assert.Equal(AccessTable.Rule(Can.SeeNotices).AllowsRole(role), shown);
    }

    private async Task<int> FailedNoticeAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.Include(o => o.Unit).ThenInclude(u => u!.Building).OrderBy(o => o.Id).FirstAsync();
        if (!await db.Notices.AnyAsync(n => n.Subject == Subject))
        {
            db.Notices.Add(new Notice
            {
                EstateId = occupant.Unit!.Building!.EstateId, Kind = "access-test", SourceKey = "access-test", Channel = NoticeChannel.Email,
                RecipientKey = "access-test", OccupantId = occupant.Id, Address = "occupant@example.test", Language = "zh-Hans",
                Subject = Subject, Body = "body", Status = NoticeStatus.Failed, Attempts = 5, LastError = Error, CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        return occupant.UnitId;
    }
}
