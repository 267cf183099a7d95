using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Tests.Features.Surveys;

public sealed class SurveyNoticesTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();

    public Task InitializeAsync() => factory.IssueAsync();

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Letter_IsThePaperFormInTheOccupantsLanguage()
    {
        await using var db = await factory.DbAsync();
        var hant = await db.Surveys.Join(db.Occupants, s => s.OccupantId, o => o.Id, (s, o) => new { s, o })
            .Where(x => x.o.PreferredLanguage == "zh-Hant").Select(x => x.o.Id).FirstAsync();

        var letter = await db.Notices.SingleAsync(n => n.OccupantId == hant && n.Channel == NoticeChannel.Letter);

        Assert.Equal("zh-Hant", letter.Language);
        Assert.Equal("業戶評議表（2026年第4季度）", letter.Subject);
        foreach (var item in new[] { "客服接待", "安全護衛", "清潔衛生", "綠化養護", "維修服務", "收費透明" })
            Assert.Contains(item + "    □1  □2  □3  □4  □5", letter.Body);
        Assert.Contains("建議：", letter.Body);
        Assert.Matches("/l/[A-Za-z0-9_-]{43}$", factory.Services.OpenLink(letter.SealedLink));
        Assert.Null(letter.NextAttemptAt);
    }

    [Fact]
    public async Task EmailAndSms_CarryTheSameLinkAndAreDueNow()
    {
        await using var db = await factory.DbAsync();
        var occupant = await db.Notices.Where(n => n.Kind == SurveyNotices.Kind && n.Channel == NoticeChannel.Email && n.Language == "zh-Hans")
            .Select(n => n.OccupantId).FirstAsync();
        var notices = await db.Notices.Where(n => n.OccupantId == occupant).ToListAsync();

        var email = notices.Single(n => n.Channel == NoticeChannel.Email);
        var sms = notices.Single(n => n.Channel == NoticeChannel.Sms);
        Assert.Single(notices.Select(n => factory.Services.OpenLink(n.SealedLink)).Distinct());
        Assert.StartsWith("尊敬的", email.Body);
        Assert.StartsWith("【物业服务】", sms.Body);
        Assert.True(sms.Body.Length < 70, sms.Body);
        Assert.All([email, sms], n => Assert.Equal(NoticeStatus.Pending, n.Status));
        Assert.All([email, sms], n => Assert.NotNull(n.NextAttemptAt));
    }
}
