using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.OccupantFile.Documents;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

/// <summary>The move-in and the renovation putting their papers on the occupant's file (SQLite).</summary>
public sealed class PapersOnFileTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public Task TickingAtTheCounter_PutsTheKindOnFile_Unticking_TakesItBack_Completing_FilesKeyReceiptAndInspection() =>
        PapersOnFileScenarios.MoveInAsync(factory);

    [Fact]
    public Task TheFileRefusingTheWrite_TheTickIsNotSavedEither() =>
        PapersOnFileScenarios.MoveInTickRefusedByTheFileAsync(factory, DatabaseProvider.Sqlite);

    [Fact]
    public Task IssuingThePermit_FilesTheAgreementsQualificationCopyAndRegister_RefusedByTheFile_NoPermit() =>
        PapersOnFileScenarios.PermitAsync(factory, DatabaseProvider.Sqlite);

    [Fact]
    public Task TheRenovationsDrawingsPhotosAndReceipts_GoOnFileWithTheirSaves_OpenedFromTheFile_RefusedByTheFile_NothingSaved() =>
        PapersOnFileScenarios.RenovationPapersAsync(factory, DatabaseProvider.Sqlite);

    [Fact]
    public Task ScansOfTheSignedMoveInForms_LandOnTheirPapers_ASecondBesideTheFirst_BadScansAndRefusedWritesSaveNothing() =>
        PapersOnFileScenarios.MoveInScansAsync(factory, DatabaseProvider.Sqlite);

    [Fact]
    public async Task APrintedPaperOnTheChecklist_LinksToItsPrintPage_NotToAScan()
    {
        var occupant = await DocumentsTesting.OccupantAsync(factory, 7);
        int receiptId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var receipt = new OccupantDocument
            {
                OccupantId = occupant.Id, KindId = StandardDocumentKinds.RenovationReceipts, ReceivedOn = new DateOnly(2026, 3, 2), ReceivedBy = "陈丽",
                SourceNote = "装修 1-101，收据 2026-000034", PrintLink = "/renovations/3/receipts/7",
            };
            db.OccupantDocuments.Add(receipt);
            await db.SaveChangesAsync();
            receiptId = receipt.Id;
        }

        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            await using var ctx = new BunitContext();
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(sp.GetRequiredService<OccupantDocuments>());
            ctx.Services.AddSingleton(sp.GetRequiredService<DocumentScans>());
            ctx.Services.AddSingleton(sp.GetRequiredService<PropertyHub.Features.Settings.EstateTime>());
            var checklist = ctx.Render<DocumentChecklist>(p => p.Add(c => c.OccupantId, occupant.Id));
            checklist.WaitForAssertion(() => Assert.NotEmpty(checklist.FindAll($"[data-document='{receiptId}']")));
            var paper = checklist.Find($"[data-document='{receiptId}']");
            Assert.Equal("/renovations/3/receipts/7", paper.QuerySelector("[data-testid=paper-print]")!.GetAttribute("href"));
            Assert.Contains("Printed by the app", paper.TextContent);
            Assert.Null(paper.QuerySelector("[data-testid=scan-none]"));
            Assert.Null(paper.QuerySelector("[data-testid=scan-view]"));
        });
    }
}
