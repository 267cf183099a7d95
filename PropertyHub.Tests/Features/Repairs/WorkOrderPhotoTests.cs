using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Files;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Repairs;
using PropertyHub.Tests.Features.Reception;
using PropertyHub.Tests.Features.Renovation;
using static PropertyHub.Tests.Features.Repairs.RepairsTesting;

namespace PropertyHub.Tests.Features.Repairs;

/// <summary>
/// Photos of a work order (at raising, the engineer's before and after) in the shared file store, served only through the
/// work order after the access check; and timeline steps read in the reader's language.
/// </summary>
public sealed class WorkOrderPhotoTests(ReceptionApp app) : IClassFixture<ReceptionApp>
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"u8.ToArray();

    private Task<FileIntakeResult> ReadAsync(byte[] bytes, string name, IReadOnlySet<FileKind> kinds) =>
        app.InScope(sp => sp.GetRequiredService<FileIntake>().ReadAsync(new MemoryStream(bytes), name, kinds));

    private async Task<WorkOrder> InProgressAsync()
    {
        var order = await app.NewOrderAsync();
        var engineer = await app.DemoEngineerIdAsync();
        order = Ok(await app.As(Roles.Clerk, s => s.ScheduleAsync(order.Id, order.Version, Appointment(app.FreshDay(), engineer))));
        return Ok(await app.As(Roles.Engineer, s => s.ArriveAsync(order.Id, order.Version)));
    }

    [Fact]
    public async Task Engineer_BeforeAndAfter_StoredListedAndSentOnlyThroughTheirWorkOrder()
    {
        var order = await InProgressAsync();
        var other = await InProgressAsync();
        var photo = (await ReadAsync(RenovationTesting.Png, "tap.png", FileKinds.Pictures)).File!;

        order = Ok(await app.As(Roles.Engineer, s => s.AddPhotoAsync(order.Id, order.Version, PhotoStage.Before, photo)));
        order = Ok(await app.As(Roles.Engineer, s => s.AddPhotoAsync(order.Id, order.Version, PhotoStage.After, photo)));

        var photos = await app.InScopeAs(Roles.Clerk, sp => sp.GetRequiredService<WorkOrderService>().PhotosAsync(order.Id));
        Assert.Equal([PhotoStage.Before, PhotoStage.After], photos.Select(p => p.Stage));
        var sent = await SendAsync(Roles.Supervisor, order.Id, photos[0].FileId);
        Assert.Equal("image/png", Assert.IsType<FileContentHttpResult>(sent).ContentType);
        // Another order's id with this file, and a guessed file id, serve nothing.
        Assert.IsType<NotFound>(await SendAsync(Roles.Clerk, other.Id, photos[0].FileId));
        Assert.IsType<NotFound>(await SendAsync(Roles.Clerk, order.Id, Guid.NewGuid()));
        // Staff who may not see work orders are refused before anything is looked up.
        await Assert.ThrowsAsync<AccessRefusedException>(() => SendAsync(Roles.Finance, order.Id, photos[0].FileId));
        await Assert.ThrowsAsync<AccessRefusedException>(() => app.InScopeAs(Roles.Finance, sp => sp.GetRequiredService<WorkOrderService>().PhotosAsync(order.Id)));
    }

    [Fact]
    public async Task NotAPicture_OrSomeoneElsesVisit_OrNotInProgress_RefusedNothingStored()
    {
        var order = await InProgressAsync();
        var pdf = (await ReadAsync(Pdf, "tap.pdf", FileKinds.Documents)).File!;
        var png = (await ReadAsync(RenovationTesting.Png, "tap.png", FileKinds.Pictures)).File!;
        var before = await CountAsync();

        var notPicture = await app.As(Roles.Engineer, s => s.AddPhotoAsync(order.Id, order.Version, PhotoStage.Before, pdf));
        var theirs = await app.AsOtherEngineer(s => s.AddPhotoAsync(order.Id, order.Version, PhotoStage.Before, png));
        var clerk = await app.As(Roles.Clerk, s => s.AddPhotoAsync(order.Id, order.Version, PhotoStage.Before, png));
        var scheduled = await app.NewOrderAsync();
        var notStarted = await app.As(Roles.Engineer, s => s.AddPhotoAsync(scheduled.Id, scheduled.Version, PhotoStage.Before, png));

        Assert.Equal("A photo must be a picture (JPEG or PNG).", Assert.Single(notPicture.Errors).Message);
        Assert.Equal("This visit is another engineer's.", Assert.Single(theirs.Errors).Message);
        Assert.False(clerk.Succeeded);
        Assert.False(notStarted.Succeeded);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(FileProblem.WrongKind, (await ReadAsync(Pdf, "tap.pdf", FileKinds.Pictures)).Problem);
    }

    [Fact]
    public async Task Raising_WithPhotos_StoredWithTheOrderInOneSave_AndANonPictureRefusesTheWholeOrder()
    {
        var png = (await ReadAsync(RenovationTesting.Png, "ceiling.png", FileKinds.Pictures)).File!;
        var pdf = (await ReadAsync(Pdf, "ceiling.pdf", FileKinds.Documents)).File!;
        var request = await app.LogRepairAsync();
        var ordersBefore = (await app.CountAllAsync()).Orders;

        var refused = await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(request) with { Photos = [png, pdf] }));
        Assert.Equal(ordersBefore, (await app.CountAllAsync()).Orders);
        var order = Ok(await app.As(Roles.Clerk, s => s.CreateAsync(FromRequest(request) with { Photos = [png] })));

        Assert.Contains(refused.Errors, e => e.Field == "Photo");
        var photo = Assert.Single(await app.InScopeAs(Roles.Clerk, sp => sp.GetRequiredService<WorkOrderService>().PhotosAsync(order.Id)));
        Assert.Equal(PhotoStage.Raised, photo.Stage);
    }

    [Fact]
    public async Task TimelineStep_WrittenInChinese_ReadsInTheReadersLanguage_AndOldRowsShowTheirText()
    {
        var previous = CultureInfo.CurrentUICulture;
        WorkOrder order;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
            order = await app.NewOrderAsync(RepairUrgency.Emergency);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        var entry = (await app.LoadAsync(order.ServiceRequestId)).Timeline.Single(t => t.Kind == TimelineKind.WorkOrder);
        var localizers = app.App.Services.GetRequiredService<IStringLocalizerFactory>();

        Assert.Equal("建立维修单:水,紧急", entry.Text);
        Assert.Equal("Work order created: Water, emergency", In("en", () => TimelinePhrases.Read(localizers, entry)));
        Assert.Equal("建立維修單:水,緊急", In("zh-Hant", () => TimelinePhrases.Read(localizers, entry)));
        var old = new TimelineEntry { ActorName = "x", Text = "舊的記錄" };
        Assert.Equal("舊的記錄", In("en", () => TimelinePhrases.Read(localizers, old)));
        var broken = new TimelineEntry { ActorName = "x", Text = "kept", Phrase = "{\"f\":\"NoSuchText\",\"l\":[]}" };
        Assert.Equal("kept", In("en", () => TimelinePhrases.Read(localizers, broken)));
    }

    private static string? In(string culture, Func<string?> read)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private Task<IResult> SendAsync(string role, int orderId, Guid fileId) =>
        app.InScopeAs(role, sp => sp.GetRequiredService<WorkOrderService>().SendPhotoAsync(orderId, fileId, new DefaultHttpContext()));

    private async Task<(int Photos, int Files)> CountAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return (await db.WorkOrderPhotos.CountAsync(), await db.StoredFiles.CountAsync());
    }
}
