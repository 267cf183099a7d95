using PropertyHub.Features.Accounts;
using PropertyHub.Data;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Notices;

namespace PropertyHub.Tests.Features.Notices;

public sealed class NoticeOutboxTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    [Fact]
    public async Task Outbox_SameKeyTwice_RefusedAtInsertOneRowKept()
    {
        var occupant = await app.AddOccupantAsync(email: NoticesApp.NewEmail());
        const string source = "survey:2026-Q4:dup";
        await app.AddNoticesAsync(occupant, source);

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => app.AddNoticesAsync(occupant, source));

        Assert.True(DbErrors.IsUniqueViolation(error));
        await using var db = await app.CreateDbContextAsync();
        Assert.Single(await db.Notices.Where(n => n.OccupantId == occupant.Id && n.SourceKey == source).ToListAsync());
    }

    [Fact]
    public async Task IsDuplicate_OtherSaveError_False()
    {
        await using var db = await app.CreateDbContextAsync();
        db.Notices.Add(new Notice
        {
            EstateId = 999_999, Kind = "survey", SourceKey = "fk", RecipientKey = "estate:999999", Language = "zh-Hans", Subject = "s", Body = "b",
        });

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.False(DbErrors.IsUniqueViolation(error));
    }

    [Fact]
    public async Task Outbox_OccupantWithNoContact_GetsPrintedLetterOnly()
    {
        var occupant = await app.AddOccupantAsync();

        var added = await app.AddNoticesAsync(occupant);

        var letter = Assert.Single(added);
        Assert.Equal(NoticeChannel.Letter, letter.Channel);
        Assert.Equal(app.BuildingId, letter.BuildingId);
        Assert.Equal(NoticeStatus.Pending, letter.Status);
        Assert.Null(letter.Address);
    }

    [Fact]
    public async Task Outbox_LandlineOnly_GetsPrintedLetter()
    {
        var occupant = await app.AddOccupantAsync(phone: "021-12345678");

        var added = await app.AddNoticesAsync(occupant);

        Assert.Equal(NoticeChannel.Letter, Assert.Single(added).Channel);
    }

    [Fact]
    public async Task Outbox_EmailAndMobile_GetsEmailAndSmsNoLetter()
    {
        var email = NoticesApp.NewEmail();
        var mobile = NoticesApp.NewMobile();
        var occupant = await app.AddOccupantAsync(email: email, phone: mobile);

        var added = await app.AddNoticesAsync(occupant);

        Assert.Equal([NoticeChannel.Email, NoticeChannel.Sms], added.Select(n => n.Channel).Order().ToArray());
        Assert.Equal(email, added.Single(n => n.Channel == NoticeChannel.Email).Address);
        Assert.Equal(mobile, added.Single(n => n.Channel == NoticeChannel.Sms).Address);
        Assert.All(added, n => Assert.Equal($"occupant:{occupant.Id}", n.RecipientKey));
    }

    [Theory]
    [InlineData("zh-Hant", "業戶評議表")]
    [InlineData("en", "Evaluation form")]
    [InlineData("zh-Hans", "业户评议表")]
    public async Task Outbox_Text_WrittenInPreferredLanguage(string language, string subject)
    {
        var occupant = await app.AddOccupantAsync(language: language);

        var added = await app.AddNoticesAsync(occupant);

        var stored = await app.LoadAsync(Assert.Single(added).Id);
        Assert.Equal(subject, stored.Subject);
        Assert.Equal(language, stored.Language);
    }

    [Fact]
    public async Task Board_Notice_PublishedForEstate()
    {
        var posted = await app.InScopeAs(Roles.Supervisor, sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<NoticeService>(sp).PostAsync(app.EstateId, new NoticeText("停水通知", "明日 9:00–12:00 停水。"), "zh-Hans"));

        var board = await app.InScope(sp => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<NoticeService>(sp).BoardAsync(app.EstateId));

        var shown = Assert.Single(board, n => n.Id == posted.Id);
        Assert.Equal(NoticeChannel.Board, shown.Channel);
        Assert.Equal(NoticeStatus.Sent, shown.Status);
        Assert.Equal($"estate:{app.EstateId}", shown.RecipientKey);
        Assert.Equal(CultureInfo.GetCultureInfo("zh-Hans").Name, shown.Language);
    }
}
