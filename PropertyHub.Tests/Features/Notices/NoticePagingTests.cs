using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Surveys;
using PropertyHub.Resources;

namespace PropertyHub.Tests.Features.Notices;

/// <summary>The notices list and the letter batch page in the database; kinds and failed deliveries in words.</summary>
public sealed class NoticePagingTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    private Task<Slice<NoticeRow>> PageAsync(NoticeFilter filter, PageRequest page) =>
        app.InScopeAs(Roles.Supervisor, sp => sp.GetRequiredService<NoticeService>().PageAsync(filter, page));

    /// <summary>An occupant of their own with <paramref name="count"/> e-mail notices, one per source.</summary>
    private async Task<(Occupant Occupant, List<Notice> Notices)> OccupantWithNoticesAsync(int count, string name = "王小明")
    {
        var occupant = await app.AddOccupantAsync(email: NoticesApp.NewEmail(), name: name);
        var notices = new List<Notice>();
        for (var i = 0; i < count; i++)
            notices.AddRange(await app.AddNoticesAsync(occupant));
        return (occupant, notices);
    }

    [Fact]
    public async Task PageAsync_ThirtyNotices_OnePageNewestFirstAndTheTotal()
    {
        var (occupant, notices) = await OccupantWithNoticesAsync(30);
        var filter = new NoticeFilter(OccupantId: occupant.Id);

        var first = await PageAsync(filter, PageRequest.From(0, 10));
        var third = await PageAsync(filter, PageRequest.From(2, 10));

        Assert.Equal(30, first.Total);
        Assert.Equal(notices.Select(n => n.Id).OrderDescending().Take(10), first.Rows.Select(r => r.Notice.Id));
        Assert.Equal(notices.Select(n => n.Id).OrderDescending().Skip(20), third.Rows.Select(r => r.Notice.Id));
    }

    [Fact]
    public async Task PageAsync_Readers_NamedWithTheirUnit()
    {
        var (occupant, _) = await OccupantWithNoticesAsync(2, name: "李四");
        string unit;
        await using (var db = await app.CreateDbContextAsync())
            unit = await db.Units.Where(u => u.Id == app.UnitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync();

        var page = await PageAsync(new NoticeFilter(OccupantId: occupant.Id), PageRequest.From(0, 25));

        Assert.All(page.Rows, r => Assert.Equal(("李四", unit), (r.ReaderName!, r.Unit!)));
    }

    [Fact]
    public async Task PageAsync_FilterByStatusChannelKindAndSearch_OnlyTheMatchingNotices()
    {
        var (occupant, notices) = await OccupantWithNoticesAsync(4, name: "赵" + Guid.NewGuid().ToString("N")[..6]);
        var failed = notices[1];
        await using (var db = await app.CreateDbContextAsync())
        {
            var stored = await db.Notices.SingleAsync(n => n.Id == failed.Id);
            stored.Status = NoticeStatus.Failed;
            stored.Subject = "电梯检修 " + failed.Id;
            await db.SaveChangesAsync();
        }

        var byStatus = await PageAsync(new NoticeFilter(Status: NoticeStatus.Failed, OccupantId: occupant.Id), PageRequest.From(0, 25));
        var byChannel = await PageAsync(new NoticeFilter(Channel: NoticeChannel.Sms, OccupantId: occupant.Id), PageRequest.From(0, 25));
        var byKind = await PageAsync(new NoticeFilter(Kind: "survey", OccupantId: occupant.Id), PageRequest.From(0, 25));
        var otherKind = await PageAsync(new NoticeFilter(Kind: PaymentRequestNotices.Kind, OccupantId: occupant.Id), PageRequest.From(0, 25));
        var byName = await PageAsync(new NoticeFilter(Search: occupant.Name), PageRequest.From(0, 25));
        var bySubject = await PageAsync(new NoticeFilter(Search: "电梯检修 " + failed.Id), PageRequest.From(0, 25));
        var byAddress = await PageAsync(new NoticeFilter(Search: occupant.Email), PageRequest.From(0, 25));

        Assert.Equal([failed.Id], byStatus.Rows.Select(r => r.Notice.Id));
        Assert.Equal(0, byChannel.Total);
        Assert.Equal(4, byKind.Total);
        Assert.Equal(0, otherKind.Total);
        Assert.Equal(notices.Select(n => n.Id).OrderDescending(), byName.Rows.Select(r => r.Notice.Id));
        Assert.Equal([failed.Id], bySubject.Rows.Select(r => r.Notice.Id));
        Assert.Equal(4, byAddress.Total);
    }

    [Fact]
    public async Task PageAsync_SortByAttempts_InTheDatabaseAcrossPages()
    {
        var (occupant, notices) = await OccupantWithNoticesAsync(5);
        await using (var db = await app.CreateDbContextAsync())
        {
            var stored = await db.Notices.Where(n => n.OccupantId == occupant.Id).OrderBy(n => n.Id).ToListAsync();
            for (var i = 0; i < stored.Count; i++)
                stored[i].Attempts = (i * 3) % 5;   // 0, 3, 1, 4, 2
            await db.SaveChangesAsync();
        }
        var filter = new NoticeFilter(OccupantId: occupant.Id);

        var ascending = await PageAsync(filter, PageRequest.From(0, 3, NoticeService.SortBy.Attempts));
        var rest = await PageAsync(filter, PageRequest.From(1, 3, NoticeService.SortBy.Attempts));
        var descending = await PageAsync(filter, PageRequest.From(0, 2, NoticeService.SortBy.Attempts, descending: true));

        Assert.Equal([0, 1, 2], ascending.Rows.Select(r => r.Notice.Attempts));
        Assert.Equal([3, 4], rest.Rows.Select(r => r.Notice.Attempts));
        Assert.Equal([4, 3], descending.Rows.Select(r => r.Notice.Attempts));
    }

    [Fact]
    public async Task PageAsync_MoreNoticesThanTheListCounts_TotalSaysMoreThanTheLimit()
    {
        var occupant = await app.AddOccupantAsync(name: "钱" + Guid.NewGuid().ToString("N")[..6]);
        var batch = Guid.NewGuid().ToString("N");
        await using (var db = await app.CreateDbContextAsync())
        {
            for (var i = 0; i <= NoticeService.CountLimit + 5; i++)
            {
                db.Notices.Add(new Notice
                {
                    EstateId = app.EstateId, BuildingId = app.BuildingId, Kind = "survey", SourceKey = $"survey:{batch}:{i}", Channel = NoticeChannel.Letter,
                    RecipientKey = NoticeOutbox.OccupantKey(occupant.Id), OccupantId = occupant.Id, Language = "zh-Hans", Subject = $"Notice {i}", Body = "body",
                    Status = i == 0 ? NoticeStatus.Failed : NoticeStatus.Pending, CreatedAt = app.Clock.GetUtcNow(),
                });
            }
            await db.SaveChangesAsync();
        }

        var all = await PageAsync(new NoticeFilter(OccupantId: occupant.Id), PageRequest.From(0, 25));
        var failed = await PageAsync(new NoticeFilter(Status: NoticeStatus.Failed, OccupantId: occupant.Id), PageRequest.From(0, 25));

        Assert.Equal(NoticeService.CountLimit + 1, all.Total);
        Assert.Equal(25, all.Rows.Count);
        Assert.Equal($"Notice {NoticeService.CountLimit + 5}", all.Rows[0].Notice.Subject);
        Assert.Equal(1, failed.Total);
    }

    [Fact]
    public async Task PendingLetters_UnitsInNaturalOrder_PagesAndPrintBatchAgree()
    {
        int buildingId;
        await using (var db = await app.CreateDbContextAsync())
        {
            var building = new Building { EstateId = app.EstateId, Code = "P" + Guid.NewGuid().ToString("N")[..4], Name = "Paging" };
            building.Units.Add(new Unit { Number = "1001", Floor = 10, Area = 80 });
            building.Units.Add(new Unit { Number = "101", Floor = 1, Area = 80 });
            building.Units.Add(new Unit { Number = "201", Floor = 2, Area = 80 });
            db.Buildings.Add(building);
            await db.SaveChangesAsync();
            buildingId = building.Id;
            foreach (var unit in building.Units)
            {
                var occupant = new Occupant { UnitId = unit.Id, Name = "住户" + unit.Number, PreferredLanguage = "zh-Hans" };
                db.Occupants.Add(occupant);
                await db.SaveChangesAsync();
                NoticeOutbox.AddForOccupant(db, occupant, new NoticePlace(app.EstateId, buildingId), "survey", $"survey:paging:{Guid.NewGuid():N}", NoticesApp.Text, app.Clock.GetUtcNow());
            }
            await db.SaveChangesAsync();
        }

        var (first, second, batch) = await app.InScopeAs(Roles.Clerk, async sp =>
        {
            var notices = sp.GetRequiredService<NoticeService>();
            return (await notices.PendingLettersPageAsync(buildingId, PageRequest.From(0, 2)), await notices.PendingLettersPageAsync(buildingId, PageRequest.From(1, 2)),
                await notices.PendingLettersAsync(buildingId));
        });

        Assert.Equal(3, first.Total);
        Assert.Equal(["101", "201", "1001"], batch.Select(l => l.Unit.Split('-')[1]));
        Assert.Equal(batch.Select(l => l.Id), first.Rows.Concat(second.Rows).Select(l => l.Id));
    }

    public static TheoryData<string> CodeKinds => [SurveyNotices.Kind, PaymentRequestNotices.Kind, CollectionVisits.ReminderKind, OccupantLinks.ReissueKind,
        DisclosureService.NoticeKind, NoticeOutbox.BoardKind];

    [Theory]
    [MemberData(nameof(CodeKinds))]
    public async Task KindOf_EveryKindTheCodeCreates_HasALabelInEachLanguage(string kind)
    {
        var labels = new List<string>();
        foreach (var culture in new[] { "en", "zh-Hans", "zh-Hant" })
            labels.Add(await app.InScope(sp => Task.FromResult(NoticeOutbox.WriteIn(CultureInfo.GetCultureInfo(culture),
                () => sp.GetRequiredService<IStringLocalizer<NoticesText>>().KindOf(kind)))));

        Assert.All(labels, l => Assert.NotEqual(kind, l));
        Assert.NotEqual(labels[0], labels[1]);
    }

    [Fact]
    public async Task KindOf_UnknownKind_ShowsTheCode()
    {
        var label = await app.InScope(sp => Task.FromResult(sp.GetRequiredService<IStringLocalizer<NoticesText>>().KindOf("meter-reading")));

        Assert.Equal("meter-reading", label);
    }

    [Theory]
    [InlineData("SocketException: Connection refused", NoticeFailure.Unreachable)]
    [InlineData("HttpRequestException: Connection refused (127.0.0.1:9)", NoticeFailure.Unreachable)]
    [InlineData("SocketException: Name or service not known", NoticeFailure.Unreachable)]
    [InlineData("TimeoutException: The SMS gateway did not answer within 1 s.", NoticeFailure.Timeout)]
    [InlineData("SocketException: Connection timed out", NoticeFailure.Timeout)]
    [InlineData("SmtpCommandException: Mailbox unavailable", NoticeFailure.AddressRejected)]
    [InlineData("ParseException: Invalid addr-spec token at offset 0", NoticeFailure.AddressRejected)]
    [InlineData("HttpRequestException: The SMS gateway answered 400 Bad Request.", NoticeFailure.AddressRejected)]
    [InlineData("AuthenticationException: 535: 5.7.8 Authentication credentials invalid", NoticeFailure.LoginRefused)]
    [InlineData("HttpRequestException: The SMS gateway answered 401 Unauthorized.", NoticeFailure.LoginRefused)]
    [InlineData("HttpRequestException: The SMS gateway answered 500 Internal Server Error.", NoticeFailure.GatewayError)]
    [InlineData("InvalidOperationException: No SMS gateway is configured (Sms:Url).", NoticeFailure.NotConfigured)]
    [InlineData("NullReferenceException: Object reference not set to an instance of an object.", NoticeFailure.Other)]
    public void Classify_StoredError_TheReasonAnOfficeCanActOn(string error, NoticeFailure expected)
    {
        Assert.Equal(expected, NoticeFailures.Classify(error));
    }

    [Fact]
    public async Task FailureOf_UnreachableSmsGateway_OneLineInEachLanguageNamingTheGateway()
    {
        var notice = new Notice
        {
            Kind = "survey", SourceKey = "x", RecipientKey = "occupant:1", Language = "zh-Hans", Subject = "s", Body = "b",
            Channel = NoticeChannel.Sms, Status = NoticeStatus.Failed, LastError = "HttpRequestException: Connection refused (127.0.0.1:9)",
        };

        var lines = await app.InScope(sp => Task.FromResult(new[] { "en", "zh-Hans", "zh-Hant" }.Select(c => NoticeOutbox.WriteIn(CultureInfo.GetCultureInfo(c),
            () => sp.GetRequiredService<IStringLocalizer<NoticesText>>().FailureOf(notice))).ToArray()));

        Assert.Equal(new string?[] { "Could not reach the SMS gateway.", "无法连接短信网关。", "無法連線簡訊閘道。" }, lines);
        notice.LastError = null;
        Assert.Null(await app.InScope(sp => Task.FromResult(sp.GetRequiredService<IStringLocalizer<NoticesText>>().FailureOf(notice))));
    }
}
