using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.MoveIn.Counter;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>
/// The counter page's steps as the clerk meets them (second user trial): refusals said where the clerk is, ticks saved as
/// they are made, the kind of repair picked by keyboard, the fees of this owner only, and the key receipt and inspection
/// worded for what happened. Same app as the papers (one per class).
/// </summary>
public sealed partial class MoveInPapersTests
{
    /// <summary>
    /// A step rendered as the signed-in clerk would see it, in <paramref name="language"/>. Made synchronously: a culture set
    /// inside an async method would not reach the test (nor the renderer made in it).
    /// </summary>
    private sealed class Step : IAsyncDisposable
    {
                private readonly AsyncServiceScope scope;

        public BunitContext Context { get; }

        public Step(AsyncServiceScope signedIn, string language)
        {
            scope = signedIn;
            CultureInfo.CurrentUICulture = new CultureInfo(language);
            Context = new BunitContext();
            Context.JSInterop.Mode = JSRuntimeMode.Loose;
            Context.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            Context.Services.AddLocalization();
            foreach (var type in new[] { typeof(MoveInService), typeof(MoveInBatchChanges), typeof(MoveInKeyLinks), typeof(ProxyServiceService),
                         typeof(StaffPasswordCheck), typeof(EstateTime) })
                Context.Services.AddSingleton(type, scope.ServiceProvider.GetRequiredService(type));
        }

        public static async Task<AsyncServiceScope> SignInAsync(ClockedAppFactory app, string role = Roles.Clerk)
        {
            var scope = app.Services.CreateAsyncScope();
            await ActingAs.SignInScopeAsync(scope.ServiceProvider, role);
            return scope;
        }

        public IReadOnlyList<string> Snackbars => [.. Context.Services.GetRequiredService<ISnackbar>().ShownSnackbars.Select(s => s.Message ?? "")];

        // The language goes back with the test method's own context; the async method restoring it would not reach the test.
        public async ValueTask DisposeAsync()
        {
            await Context.DisposeAsync();
            await scope.DisposeAsync();
        }
    }

    [Fact]
    public async Task ARefusedCompletion_IsSaidWhereTheClerkIs_InTheirLanguage()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var sheet = await moveIns.SheetAsync(ids[0]);
        await using var step = new Step(await Step.SignInAsync(app), "zh-Hans");
        var cut = step.Context.Render<MoveInCompleteStep>(p => p.Add(x => x.Sheet, sheet));

        await cut.Find("form").SubmitAsync();

        // Not at the top of a long page (640 px above the screen at 1024): a snackbar over where the clerk pressed.
        cut.WaitForAssertion(() => Assert.Contains("请先完成房屋验收。", step.Snackbars));
        Assert.Null((await moveIns.SheetAsync(ids[0])).MovedInOn);
    }

    [Fact]
    public async Task EachDocumentTick_IsSavedAsItIsMade_NoSaveButtonToForget()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var sheet = await moveIns.SheetAsync(ids[0]);
        await using var step = new Step(await Step.SignInAsync(app), "en");
        var documents = step.Context.Services.GetRequiredService<MoveInService>().Documents;
        var cut = step.Context.Render<MoveInDocumentsStep>(p => p.Add(x => x.Sheet, sheet).Add(x => x.Documents, documents));

        await cut.Find($"input[data-testid=document-{documents[0].Key}], [data-testid=document-{documents[0].Key}] input").ChangeAsync(new ChangeEventArgs { Value = true });
        cut.WaitForAssertion(() => cut.Find("[data-testid=documents-saved]"));
        await cut.Find($"input[data-testid=document-{documents[1].Key}], [data-testid=document-{documents[1].Key}] input").ChangeAsync(new ChangeEventArgs { Value = true });
        cut.WaitForAssertion(() => Assert.Equal(2, moveIns.SheetAsync(ids[0]).GetAwaiter().GetResult().Documents.Count));

        var saved = await moveIns.SheetAsync(ids[0]);
        Assert.Contains(documents[0].Key, saved.Documents);
        Assert.Contains(documents[1].Key, saved.Documents);
        Assert.Empty(cut.FindAll("[data-testid=documents-save]"));
    }

    [Fact]
    public async Task TheKindOfRepair_PickedByKeyboard_ClearsItsMessage_AndHandsTheFocusToAdd()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var sheet = await moveIns.SheetAsync(ids[0]);
        await using var step = new Step(await Step.SignInAsync(app), "en");
        var cut = step.Context.Render<MoveInInspectionStep>(p => p.Add(x => x.Sheet, sheet));
        await cut.Find("input[data-testid=defect-place]").ChangeAsync(new ChangeEventArgs { Value = "Kitchen" });
        await cut.Find("input[data-testid=defect-description]").ChangeAsync(new ChangeEventArgs { Value = "Tap drips" });
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Contains("Choose the kind of repair.", cut.Markup));
        var focusedBefore = step.Context.JSInterop.Invocations.Count(i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase));

        var select = cut.FindComponent<MudSelect<RepairCategory?>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(RepairCategory.Water));

        cut.WaitForAssertion(() => Assert.DoesNotContain("Choose the kind of repair.", cut.Markup));
        Assert.True(step.Context.JSInterop.Invocations.Count(i => i.Identifier.Contains("focus", StringComparison.OrdinalIgnoreCase)) > focusedBefore);
        // Enter on "Add defect" submits the form: the defect is added with its kind.
        await cut.Find("form").SubmitAsync();
        cut.WaitForAssertion(() => Assert.Single(moveIns.SheetAsync(ids[0]).GetAwaiter().GetResult().Defects));
        Assert.Equal(RepairCategory.Water, (await moveIns.SheetAsync(ids[0])).Defects.Single().Category);
    }

    [Fact]
    public async Task TheKeysSignedByLink_AndTheInspection_ReadAsWhatHappened()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var id = ids[0];
        var sheet = await moveIns.SheetAsync(id);
        Assert.True((await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.InspectAsync(id, sheet.Version))).Ok);
        sheet = await moveIns.SheetAsync(id);
        Assert.True((await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.SetKeysAsync(id, sheet.Version, "大门钥匙 2 把"))).Ok);
        await using (var db = await app.CreateDbContextAsync())
        {
            var moveIn = await db.MoveIns.SingleAsync(m => m.Id == id);
            (moveIn.KeysSignature, moveIn.KeysSignedAt, moveIn.KeysWitnessedBy) = (MoveInTesting.Signature, DateTimeOffset.UtcNow, "经个人链接签署");
            await db.SaveChangesAsync();
        }
        sheet = await moveIns.SheetAsync(id);

        await using (var step = new Step(await Step.SignInAsync(app), "zh-Hans"))
        {
            var keys = step.Context.Render<MoveInKeysStep>(p => p.Add(x => x.Sheet, sheet));
            Assert.Equal("已签收（经个人链接签署）", keys.Find("[data-testid=keys-signed]").TextContent.Trim());
        }
        await using (var step = new Step(await Step.SignInAsync(app), "en"))
        {
            var keys = step.Context.Render<MoveInKeysStep>(p => p.Add(x => x.Sheet, sheet));
            Assert.Equal("Signed for (signed through a personal link)", keys.Find("[data-testid=keys-signed]").TextContent.Trim());
            var inspection = step.Context.Render<MoveInInspectionStep>(p => p.Add(x => x.Sheet, sheet));
            Assert.Equal($"Inspected by {sheet.InspectedBy} with the owner", inspection.Find("[data-testid=inspected]").TextContent.Trim());
        }
    }

    [Fact]
    public async Task TheFeesAtTheHandover_AreOnlyThisOwners_FromTheMoveInMonth()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var sheet = await moveIns.SheetAsync(ids[0]);
        var today = new DateOnly(2026, 12, 10);
        int older, others, owners;
        await using (var db = await app.CreateDbContextAsync())
        {
            var unit = await db.Units.Include(u => u.Building).SingleAsync(u => u.Id == sheet.UnitId);
            var other = await db.Occupants.Where(o => o.Id != sheet.OccupantId).Select(o => o.Id).FirstAsync();
            PaymentRequest Bill(int occupant, DateOnly month) => new()
            {
                EstateId = unit.Building!.EstateId, BuildingId = unit.BuildingId, UnitId = unit.Id, OccupantId = occupant, Month = month,
                DueDate = month.AddDays(14), IssuedAt = DateTimeOffset.UtcNow, Total = 100m,
            };
            // One request per unit and month: an owner's older one, another occupant's, and this owner's after the move-in.
            var bills = new[] { Bill(sheet.OccupantId, new(2025, 6, 1)), Bill(other, new(2027, 2, 1)), Bill(sheet.OccupantId, new(2027, 1, 1)) };
            db.PaymentRequests.AddRange(bills);
            await db.SaveChangesAsync();
            (older, others, owners) = (bills[0].Id, bills[1].Id, bills[2].Id);
        }

        await using var read = await app.CreateDbContextAsync();
        var owed = (await MoveInFees.OwedAsync(read, sheet, today))!;

        var shown = owed.OpenRequests.Select(r => r.Id).ToList();
        Assert.Contains(owners, shown);
        Assert.DoesNotContain(older, shown);
        Assert.DoesNotContain(others, shown);
        Assert.Equal(sheet.OccupantId, owed.DefaultPayerId);
    }

    [Fact]
    public async Task MovingTheDays_WithATypedDate_Moves_AndWithoutOne_SaysWhyNot()
    {
        var (batchId, _) = await moveIns.NoticedBatchAsync(1, inDays: 5);
        var batch = (await moveIns.AsAsync<BatchView?, MoveInBatchService>(Roles.Supervisor, s => s.BatchAsync(batchId)))!;
        await using var step = new Step(await Step.SignInAsync(app, Roles.Supervisor), "en");
        var changed = 0;
        var cut = step.Context.Render<PropertyHub.Features.MoveIn.Batches.BatchChangeForm>(p => p.Add(x => x.Batch, batch).Add(x => x.Changed, () => changed++));

        await cut.Find("[data-testid=batch-move]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        cut.WaitForAssertion(() => Assert.NotEmpty(step.Snackbars));
        Assert.Equal(0, changed);

        var day = batch.FirstDay.AddDays(7);
        await cut.Find("input[data-testid=batch-new-first-day]").ChangeAsync(new ChangeEventArgs { Value = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        await cut.Find("[data-testid=batch-move]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Equal(day, (await moveIns.AsAsync<BatchView?, MoveInBatchService>(Roles.Supervisor, s => s.BatchAsync(batchId)))!.FirstDay);
    }

    [Fact]
    public async Task TheProxyLetterOnTheTablet_NamesTheServiceInTheOwnersLanguage_WithChinesePunctuation()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var sheet = await moveIns.SheetAsync(ids[0]);
        await using (var db = await app.CreateDbContextAsync())
        {
            (await db.Occupants.SingleAsync(o => o.Id == sheet.OccupantId)).PreferredLanguage = "zh-Hans";
            await db.SaveChangesAsync();
        }
        // The clerk works in English and picks the common kind by its English name.
        var requested = await moveIns.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, s => s.RequestAsync(new ProxyInput
        {
            UnitId = sheet.UnitId, OccupantId = sheet.OccupantId, Kind = "Water and electricity accounts", Fee = "50", PromisedOn = new DateOnly(2026, 12, 20),
        }));
        Assert.True(requested.Ok, string.Join(",", requested.Errors));
        await using var step = new Step(await Step.SignInAsync(app), "en");
        var cut = step.Context.Render<MoveInSignPage>(p => p.Add(x => x.ProxyId, requested.Id));

        cut.WaitForAssertion(() => Assert.Contains("代办：水电开户", cut.Find("[data-testid=sign-what]").TextContent));
        Assert.DoesNotContain("Water and electricity", cut.Find("[data-testid=sign-what]").TextContent);
    }
}
