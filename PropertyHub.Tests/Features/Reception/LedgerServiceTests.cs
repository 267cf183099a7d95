using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Ledger;
using static PropertyHub.Tests.Features.Reception.LedgerTesting;

namespace PropertyHub.Tests.Features.Reception;

public sealed class LedgerServiceTests(LedgerAppFactory factory) : IClassFixture<LedgerAppFactory>
{
    [Fact]
    public async Task Page_OneLocalDay_ListsItsContactsInOrderWithTheirHandling()
    {
        var estate = await factory.NewEstateAsync();
        var complaint = estate.Contact(RequestKind.Complaint, Local(10, 16, 9, 30), "Water leaking from the ceiling", Channel.ComplaintLine);
        complaint.Department = Department.Engineering;
        complaint.Remark = "Engineering to inspect the pipe";
        complaint.Level = EscalationLevel.Supervisor;
        var message = estate.Contact(RequestKind.Message, Local(10, 16, 11, 0), "Please call back about the parking card");
        message.ForColleague = "Mr Li";
        await factory.SeedAsync(
            // 23:59 on the 15th and 00:10 on the 17th in Shanghai: the day before and after, though 00:10 is still the 16th in UTC.
            estate.Contact(RequestKind.Inquiry, Local(10, 15, 23, 59), "Day before").AnsweredNow(),
            estate.Contact(RequestKind.Inquiry, Local(10, 17, 0, 10), "Day after").AnsweredNow(),
            estate.Contact(RequestKind.Inquiry, Local(10, 16, 23, 30), "Late-evening inquiry").AnsweredNow(),
            estate.Contact(RequestKind.Inquiry, Local(10, 16, 14, 0), "When is the fee office open on Saturday?")
                .Agreed(Local(10, 16, 17, 0)).Replied(Local(10, 16, 17, 30)),
            message,
            complaint,
            // 00:30 on the 16th in Shanghai is still the 15th in UTC.
            estate.Contact(RequestKind.Inquiry, Local(10, 16, 0, 30), "Night inquiry", Channel.Counter, withUnit: false).AnsweredNow());

        var (page, handling, replies) = await InEnglishAsync(async () =>
        {
            LedgerSlice slice = null!;
            List<string> texts = [], replyTexts = [];
            await factory.WithScopeAsync(async sp =>
            {
                slice = await sp.GetRequiredService<LedgerService>().PageAsync(estate.EstateId, Day(10, 16), Day(10, 16), 0, 25);
                var format = sp.GetRequiredService<LedgerFormat>();
                texts = slice.Rows.Select(r => format.Handling(estate.EstateId, r.Handling)).ToList();
                replyTexts = slice.Rows.Select(r => format.Reply(estate.EstateId, r)).ToList();
            });
            return (slice, texts, replyTexts);
        });

        Assert.Equal(5, page.Total);
        Assert.Equal(["Night inquiry", "Water leaking from the ceiling", "Please call back about the parking card",
            "When is the fee office open on Saturday?", "Late-evening inquiry"], page.Rows.Select(r => r.Content));
        Assert.Equal([
            "Answered on the spot",
            "Transferred to Engineering; escalated to the supervisors",
            "Message for Mr Li",
            "Reply agreed by 10-16 17:00; replied",
            "Answered on the spot",
        ], handling);
        Assert.Equal(["2030-10-16 00:30", "", "", "2030-10-16 17:30 (late)", "2030-10-16 23:30"], replies);
        Assert.Null(page.Rows[0].Unit);
        Assert.Equal(estate.UnitLabel, page.Rows[1].Unit);
        Assert.Equal("Engineering to inspect the pipe", page.Rows[1].Remark);
        Assert.Equal("Wang Fang", page.Rows[1].TakenByName);
        Assert.True(page.Rows[3].RepliedLate);
    }

    [Fact]
    public async Task Page_Range_PagesThroughEveryContactOnceInOrder()
    {
        var estate = await factory.NewEstateAsync();
        var contacts = Enumerable.Range(0, 27)
            .Select(i => estate.Contact(RequestKind.Complaint, Local(10, 10 + i / 9, 8 + i % 9, 15), $"Contact {i:00}"))
            .Reverse() // stored out of order: the ledger orders by time received
            .ToArray();
        await factory.SeedAsync([.. contacts, estate.Contact(RequestKind.Complaint, Local(10, 13, 9), "Outside the range")]);

        var pages = new List<LedgerSlice>();
        await factory.WithScopeAsync(async sp =>
        {
            var ledger = sp.GetRequiredService<LedgerService>();
            for (var skip = 0; skip < 30; skip += 10)
                pages.Add(await ledger.PageAsync(estate.EstateId, Day(10, 10), Day(10, 12), skip, 10));
        });

        Assert.All(pages, p => Assert.Equal(27, p.Total));
        Assert.Equal([10, 10, 7], pages.Select(p => p.Rows.Count));
        Assert.Equal(Enumerable.Range(0, 27).Select(i => $"Contact {i:00}"), pages.SelectMany(p => p.Rows).Select(r => r.Content));
    }

    [Fact]
    public async Task Export_AsClerk_ParsesBackWithLocalizedHeadersAndLocalTimes()
    {
        var estate = await factory.NewEstateAsync();
        await factory.SeedAsync(
            estate.Contact(RequestKind.Inquiry, Local(10, 16, 23, 30), "Late-evening inquiry").AnsweredNow(),
            estate.Contact(RequestKind.Complaint, Local(10, 15, 8, 5), "Noise at night", Channel.ComplaintLine),
            estate.Contact(RequestKind.Complaint, Local(10, 17, 0, 10), "Not in the range"));
        var client = await factory.ClientForRoleAsync(Roles.Clerk);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/reception/ledger.xlsx?from=2030-10-15&to=2030-10-16&estateId={estate.EstateId}");
        request.Headers.AcceptLanguage.ParseAdd("zh-Hant");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(LedgerService.ContentType, response.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), excelType: ExcelType.XLSX)
            .Select(r => ((IDictionary<string, object?>)r).Values.Select(v => v?.ToString()).ToList()).ToList();
        Assert.Equal(["受理時間", "單元", "來訪/來電人", "渠道", "類別", "內容", "處理情況", "備註", "經辦人", "答復時間"], rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["2030-10-15 08:05", estate.UnitLabel, "Mr Chen", "投訴電話", "投訴", "Noise at night", "已登記跟進"], rows[1].Take(7));
        Assert.Equal("2030-10-16 23:30|咨詢|Late-evening inquiry|即時答復", string.Join("|", rows[2][0], rows[2][4], rows[2][5], rows[2][6]));
        Assert.Equal("2030-10-16 23:30", rows[2][9]);
    }

    [Fact]
    public async Task Export_SignedOut_RedirectsToSignIn()
    {
        var response = await factory.NewClient().GetAsync("/reception/ledger.xlsx?from=2030-10-15&to=2030-10-16");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("from=15.10.2030")]
    [InlineData("from=2030-10-16&to=2030-10-15")]
    [InlineData("from=2028-01-01&to=2030-10-15")]
    public async Task Export_BadDates_AreRefused(string query)
    {
        var client = await factory.ClientForRoleAsync(Roles.Supervisor);

        var response = await client.GetAsync("/reception/ledger.xlsx?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Export_Engineer_IsDenied()
    {
        var client = await factory.ClientForRoleAsync(Roles.Engineer);

        var response = await client.GetAsync("/reception/ledger.xlsx");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
