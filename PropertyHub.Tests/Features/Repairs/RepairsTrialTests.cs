using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Repairs.Visits;
using PropertyHub.Tests.Features.Reception;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>
/// The user trial's findings on repairs, on the service: the visit's notes kept as they are entered, the acceptance link
/// not sent twice by a second tap, the repair notices' wording in the three languages, a paid repair's bill line in the
/// reader's language.
/// </summary>
public sealed partial class RepairsTrialTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    [Fact]
    public async Task VisitNotes_SavedAsEntered_ReadAgainOnReload_HandOverStillUsesTheVersionSeen()
    {
        var order = await InProgressAsync();

        Ok(await app.As(Roles.Engineer, s => s.SaveChecksAsync(order.Id, [VisitCheck.ShoeCovers, VisitCheck.UniformAndBadge])));
        var typed = await app.As(Roles.Engineer, s => s.SaveWorkDoneAsync(order.Id, "Replaced the washer"));
        var theirs = await app.AsOtherEngineer(s => s.SaveWorkDoneAsync(order.Id, "Someone else's words"));

        Assert.True(typed.Succeeded);
        Assert.Equal("This visit is another engineer's.", Assert.Single(theirs.Errors).Message);
        var (sheet, _) = await app.InScopeAs(Roles.Engineer, sp => sp.GetRequiredService<WorkOrderService>().AcceptanceSheetAsync(order.Id));
        Assert.Equal([VisitCheck.UniformAndBadge, VisitCheck.ShoeCovers], sheet!.Checks);
        Assert.Equal("Replaced the washer", sheet.WorkDone);
        Assert.Equal(order.Version, sheet.Visit.Version);
        // Unticked again: saved too.
        Ok(await app.As(Roles.Engineer, s => s.SaveChecksAsync(order.Id, [VisitCheck.UniformAndBadge])));
        (sheet, _) = await app.InScopeAs(Roles.Engineer, sp => sp.GetRequiredService<WorkOrderService>().AcceptanceSheetAsync(order.Id));
        Assert.Equal([VisitCheck.UniformAndBadge], sheet!.Checks);
        Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, sheet.WorkDone, sheet.Checks)));
        var notInProgress = await app.As(Roles.Engineer, s => s.SaveWorkDoneAsync(order.Id, "Too late"));
        Assert.False(notInProgress.Succeeded);
        Assert.Equal("Replaced the washer", (await app.LoadOrderAsync(order.Id)).WorkDone);
    }

    [Fact]
    public async Task AcceptanceLink_SecondTap_Refused_LaterOnlyWhenConfirmed_TheSendsAreListed()
    {
        var order = await FinishedForOccupantAsync();

        order = Ok(await app.As(Roles.Engineer, s => s.SendAcceptanceLinkAsync(order.Id, order.Version)));
        var secondTap = await app.As(Roles.Engineer, s => s.SendAcceptanceLinkAsync(order.Id, order.Version));
        var secondTapConfirmed = await app.As(Roles.Engineer, s => s.SendAcceptanceLinkAsync(order.Id, order.Version, sendAgain: true));

        Assert.False(secondTap.Succeeded);
        Assert.False(secondTap.NeedsConfirmation);
        Assert.False(secondTapConfirmed.Succeeded);
        Assert.Equal(1, await LinksAsync(order.Id));
        var sent = await app.InScopeAs(Roles.Engineer, sp => sp.GetRequiredService<WorkOrderService>().AcceptanceLinksSentAsync(order.Id));
        Assert.NotEmpty(sent);
        Assert.All(sent, s => Assert.Equal(NoticeStatus.Pending, s.Status));

        app.Clock.Advance(WorkOrderService.AcceptanceLinkPause + TimeSpan.FromMinutes(1));
        var later = await app.As(Roles.Engineer, s => s.SendAcceptanceLinkAsync(order.Id, order.Version));
        Assert.True(later.NeedsConfirmation);
        Assert.Equal(1, await LinksAsync(order.Id));
        Ok(await app.As(Roles.Engineer, s => s.SendAcceptanceLinkAsync(order.Id, order.Version, sendAgain: true)));
        Assert.Equal(2, await LinksAsync(order.Id));
    }

    public static TheoryData<string> Languages => ["en", "zh-Hans", "zh-Hant"];

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task RepairNotices_ReadWellInEachLanguage(string language)
    {
        await using var db = await app.CreateDbContextAsync();
        var notices = app.App.Services.GetRequiredService<AppointmentNotices>();
        var occupant = new Occupant { Id = 1, Name = "王小明", Phone = "13800000000", PreferredLanguage = language };
        var building = await db.Units.Where(u => u.Id == app.UnitId).Select(u => u.BuildingId).SingleAsync();
        var to = (occupant, new NoticePlace(app.EstateId, building));
        var now = app.Clock.GetUtcNow();
        var appointment = new Appointment
        {
            Id = 1, WindowStart = now.AddDays(1), WindowEnd = now.AddDays(1).AddHours(2), WorkContent = "更换水龙头垫圈。", ExpectedMinutes = 45,
            EngineerId = "x", EngineerName = "李工", CreatedByName = "x",
        };
        var order = new WorkOrder { Id = 1, EstateId = app.EstateId, Description = "水龙头漏水", WorkDone = "已更换垫圈。", EngineerName = "李工", CreatedByName = "x" };

        notices.AddConfirmation(db, to, app.EstateId, 1, 1, appointment, moved: false, now);
        notices.AddConfirmation(db, to, app.EstateId, 1, 2, appointment, moved: true, now);
        notices.AddReminder(db, to, app.EstateId, appointment, now);
        notices.AddAcceptanceLink(db, to, order, 1, 7, now);

        var texts = db.Notices.Local.ToDictionary(n => (n.Kind, n.SourceKey), n => n.Subject + "\n" + n.Body);
        Assert.Equal(4, texts.Count);
        foreach (var text in texts.Values)
        {
            Assert.DoesNotContain("。。", text);
            Assert.DoesNotContain("..", text);
            if (language != "en")
                // Full-width punctuation in Chinese; the only ASCII colons are in the times ("09:00").
                Assert.False(AsciiPunctuation().IsMatch(text), $"ASCII punctuation in a {language} notice: {text}");
        }
        var booked = texts[(AppointmentNotices.ConfirmationKind, AppointmentNotices.ConfirmationSource(1, 1))];
        var moved = texts[(AppointmentNotices.ConfirmationKind, AppointmentNotices.ConfirmationSource(1, 2))];
        var link = language switch { "en" => "link", "zh-Hans" => "链接", _ => "連結" };
        Assert.Contains(link, booked);
        Assert.Contains(link, moved);
        Assert.Contains("更换水龙头垫圈", booked);
    }

    [GeneratedRegex(@"[,;()!?]|(?<!\d):|:(?!\d)")]
    private static partial Regex AsciiPunctuation();

    [Fact]
    public async Task PaidRepair_TheBillLineReadsInTheReadersLanguage()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var order = await InProgressAsync(paid: true);
        order = Ok(await app.As(Roles.Engineer, s => s.AddMaterialAsync(order.Id, order.Version, "Tap washer", "1", "20")));
        order = Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Washer replaced")));
        order = Ok(await app.As(Roles.Engineer, s => s.RecordAcceptanceAsync(order.Id, order.Version, true, null, Signature)));
        await using var db = await app.CreateDbContextAsync();
        var service = await db.PaidServices.AsNoTracking().SingleAsync(s => s.Id == order.PaidServiceId);
        var payer = await db.Occupants.AsNoTracking().FirstAsync(o => o.UnitId == app.UnitId);

        var unit = new UnitToBill(app.UnitId, "1-101", 1, app.EstateId, 80m, UnitUse.Residential, payer, 0m, []);
        var request = RequestLines.Request(unit, [], [service], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 15), app.Clock.GetUtcNow());
        var line = Assert.Single(request.Lines);
        var items = new Dictionary<int, FeeItem>();

        var day = $" ({service.ServiceDate:yyyy-MM-dd})";
        Assert.Equal($"维修\uff1a水\uff08工单{order.Id}\uff09" + day, RequestLineLabels.Label(line, items, "zh-Hans", ""));
        Assert.Equal($"維修\uff1a水\uff08工單{order.Id}\uff09" + day, RequestLineLabels.Label(line, items, "zh-Hant", ""));
        Assert.Equal($"Repair: Water (work order {order.Id})" + day, RequestLineLabels.Label(line, items, "en", ""));
        // Kept for the record in the bills' language, not the engineer's.
        Assert.DoesNotContain("Repair", service.ServiceType);
    }

    private async Task<int> LinksAsync(int orderId)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.PersonalLinks.CountAsync(l => l.Purpose == RepairLinks.AcceptancePurpose && l.SubjectId == orderId);
    }

    private async Task<WorkOrder> InProgressAsync(bool paid = false)
    {
        int occupant;
        await using (var db = await app.CreateDbContextAsync())
            occupant = await db.Occupants.Where(o => o.UnitId == app.UnitId).Select(o => o.Id).FirstAsync();
        var logged = await app.LogAsync(new Intake
        {
            EstateId = app.EstateId, Kind = RequestKind.Repair, Channel = Channel.RepairHotline, Outcome = IntakeOutcome.Logged,
            UnitId = app.UnitId, OccupantId = occupant, CallerName = "Ms Lin", Phone = "13800000000", Content = "The kitchen tap leaks",
        });
        var order = Ok(await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(logged.Request!, paid: paid))));
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        return Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
    }

    private async Task<WorkOrder> FinishedForOccupantAsync()
    {
        var order = await InProgressAsync();
        return Ok(await app.As(Roles.Engineer, s => s.FinishAsync(order.Id, order.Version, "Washer replaced")));
    }
}
