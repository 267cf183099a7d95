using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Files;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;
using PropertyHub.Tests.Features.Files;
using static PropertyHub.Tests.Features.OccupantFile.Documents.DocumentsTesting;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

/// <summary>An occupant's papers on file on SQLite: scans, who may open them, every opening recorded, the kinds, the reports.</summary>
public sealed class OccupantDocumentsTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public Task IdentityCopy_ByTheClerk_KeptOnce_OnlyTheManagerOpensIt_TheOpeningRecorded() => IdentityCopyScenarioAsync(factory, skip: 3);

    [Fact]
    public async Task Uploads_ExecutableHtmlEmptyOrTooLarge_RefusedWithTheirMessage_OddNamesCleaned()
    {
        var intake = factory.Services.GetRequiredService<FileIntake>();
        async Task<FileProblem?> Problem(byte[] bytes, string name) => (await intake.ReadAsync(new MemoryStream(bytes), name, FileKinds.Documents)).Problem;
        byte[] exe = [.. "MZ"u8, 0x90, 0x00, 0x03, .. new byte[64]];
        var html = Encoding.UTF8.GetBytes("<html><body>%PDF-1.7 %%EOF</body></html>");
        var tooLarge = new byte[intake.MaxBytes + 1];
        "%PDF-1.7\n"u8.CopyTo(tooLarge);

        Assert.Equal(FileProblem.WrongKind, await Problem(exe, "身份证.pdf"));
        Assert.Equal(FileProblem.WrongKind, await Problem(html, "scan.pdf"));
        Assert.Equal(FileProblem.Empty, await Problem([], "empty.pdf"));
        Assert.Equal(FileProblem.TooLarge, await Problem(tooLarge, "big.pdf"));
        Assert.Equal("passwd.pdf", (await ScanAsync(factory, FileIntakeTests.Pdf, "../../etc/passwd.pdf")).Name);
        Assert.Equal("证件 ab.pdf", (await ScanAsync(factory, FileIntakeTests.Pdf, "..\\证件 <a>\u0007|b.pdf")).Name);

        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        var text = factory.Services.GetRequiredService<IStringLocalizer<FilesText>>();
        var message = FileProblems.Message(text, FileProblem.WrongKind, FileKinds.Documents, intake.MaxBytes);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", message);
        // Chinese punctuation throughout: no ASCII brackets or commas mixed in.
        Assert.Equal("该文件不属于可接受的类型（PDF、JPEG 图片、PNG 图片）。系统检查的是文件内容，而不是文件名。", message);
        CultureInfo.CurrentUICulture = new CultureInfo("en");
    }

    [Fact]
    public async Task Record_FutureDayNoReceiverRetiredKindOrUnknownOccupant_ClearMessage_NothingWritten()
    {
        var occupant = await OccupantAsync(factory, skip: 11);
        var scan = await ScanAsync(factory, FileIntakeTests.Png, "契约.png");
        var future = await RecordAsync(factory, Roles.Clerk, occupant.Id, 1, scan, receivedOn: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(3));
        var nobody = await RecordAsync(factory, Roles.Clerk, occupant.Id, 1, scan, receivedBy: "  ");
        var unknown = await RecordAsync(factory, Roles.Clerk, 987654, 1, scan);
        var byEngineer = await RecordAsync(factory, Roles.Engineer, occupant.Id, 1, scan);

        Assert.NotNull(future.ErrorFor(nameof(DocumentEntry.ReceivedOn)));
        Assert.NotNull(nobody.ErrorFor(nameof(DocumentEntry.ReceivedBy)));
        Assert.Equal(SaveOutcome.NotFound, unknown.Outcome);
        Assert.Equal(SaveOutcome.Denied, byEngineer.Outcome);
        await using var db = await factory.CreateDbContextAsync();
        Assert.False(await db.OccupantDocuments.AnyAsync(d => d.OccupantId == occupant.Id));
        Assert.False(await db.StoredFiles.AnyAsync(f => f.Sha256 == scan.Sha256));
    }

    [Fact]
    public async Task Kinds_AdminAddsRenamesAndRetires_AKindInUseIsNeverDeleted_TheClerkMayNot()
    {
        var occupant = await OccupantAsync(factory, skip: 13);
        var added = await factory.AsRoleAsync(Roles.Admin, sp => sp.GetRequiredService<DocumentKinds>().SaveAsync(new DocumentKindForm
        {
            NameEn = "Parking agreement", NameHans = "车位协议", NameHant = "車位協議",
        }));
        var byClerk = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<DocumentKinds>().SaveAsync(new DocumentKindForm
        {
            NameEn = "Pets", NameHans = "宠物", NameHant = "寵物",
        }));
        var taken = await factory.AsRoleAsync(Roles.Admin, sp => sp.GetRequiredService<DocumentKinds>().SaveAsync(new DocumentKindForm
        {
            NameEn = "Rental permit", NameHans = "别的", NameHant = "別的",
        }));
        Assert.True(added.Succeeded);
        Assert.Equal(SaveOutcome.Denied, byClerk.Outcome);
        Assert.NotNull(taken.ErrorFor(nameof(DocumentKindForm.NameEn)));
        var id = added.Value;
        Assert.True(id >= StandardDocumentKinds.FirstCustomId, $"{id}: an Admin's kind is numbered apart from the standard's");

        var renamed = await factory.AsRoleAsync(Roles.Admin, sp => sp.GetRequiredService<DocumentKinds>().SaveAsync(new DocumentKindForm
        {
            Id = id, NameEn = "Parking space agreement", NameHans = "车位使用协议", NameHant = "車位使用協議", Restricted = true,
        }));
        Assert.True((await RecordAsync(factory, Roles.Clerk, occupant.Id, id, null)).Succeeded);
        var deleteInUse = await factory.AsRoleAsync(Roles.Admin, sp => sp.GetRequiredService<DocumentKinds>().DeleteAsync(id));
        var retired = await factory.AsRoleAsync(Roles.Admin, sp => sp.GetRequiredService<DocumentKinds>().RetireAsync(id, true));

        Assert.True(renamed.Succeeded && retired.Succeeded);
        Assert.Equal(SaveOutcome.Invalid, deleteInUse.Outcome);
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hant");
        var holder = (await ChecklistAsync(factory, Roles.Clerk, occupant.Id)).Single(r => r.KindId == id);
        var other = await ChecklistAsync(factory, Roles.Clerk, (await OccupantAsync(factory, skip: 14)).Id);
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        Assert.Equal(("車位使用協議", true, true, true, 1), (holder.KindName, holder.Restricted, holder.Retired, holder.OnFile, holder.Papers.Count));
        Assert.DoesNotContain(other, r => r.KindId == id);
        Assert.Equal(SaveOutcome.Invalid, (await RecordAsync(factory, Roles.Clerk, (await OccupantAsync(factory, skip: 14)).Id, id, null)).Outcome);
        await using var db = await factory.CreateDbContextAsync();
        Assert.True(await db.DocumentKinds.AnyAsync(k => k.Id == id));
    }

    [Fact]
    public async Task PutOnFile_FromAnotherModule_TheKindOnFileWithItsFileAndWhereItCameFrom()
    {
        var occupant = await OccupantAsync(factory, skip: 17);
        var upload = await ScanAsync(factory, FileIntakeTests.Jpeg, "装修管理协议.jpg");
        Guid fileId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var stored = upload.ToStoredFile("renovation", DateTimeOffset.UtcNow);
            db.StoredFiles.Add(stored);
            await db.SaveChangesAsync();
            fileId = stored.Id;
        }
        var put = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<OccupantDocuments>().PutOnFileAsync(
            new PaperForFile(occupant.Id, 3, IsOriginal: true, new DateOnly(2026, 4, 1), fileId, "装修申请 2026-0012")));

        Assert.True(put.Succeeded, string.Join("; ", put.Errors.Select(e => e.Message)));
        var row = Assert.Single((await ChecklistAsync(factory, Roles.Clerk, occupant.Id)).Single(r => r.KindId == 3).Papers);
        Assert.Equal((true, "装修申请 2026-0012", "装修管理协议.jpg", true), (row.IsOriginal, row.SourceNote, row.ScanName, row.MayOpen));

        // A paper the app prints goes on file with its print page; another site's address is refused and nothing is saved.
        var receipt = new PaperForFile(occupant.Id, StandardDocumentKinds.RenovationReceipts, IsOriginal: false, new DateOnly(2026, 4, 1), null,
            "装修 1-101，收据 2026-000034", "/renovations/3/receipts/7");
        await Assert.ThrowsAsync<ArgumentException>(() => factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<OccupantDocuments>().PutOnFileAsync(
            receipt with { PrintLink = "https://example.com/receipt" })));
        Assert.Empty((await ChecklistAsync(factory, Roles.Clerk, occupant.Id)).Single(r => r.KindId == StandardDocumentKinds.RenovationReceipts).Papers);
        Assert.True((await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<OccupantDocuments>().PutOnFileAsync(receipt))).Succeeded);
        var printed = Assert.Single((await ChecklistAsync(factory, Roles.Clerk, occupant.Id)).Single(r => r.KindId == StandardDocumentKinds.RenovationReceipts).Papers);
        Assert.Equal(("/renovations/3/receipts/7", false), (printed.PrintLink, printed.HasScan));
    }

    [Fact]
    public async Task SecondPaperOfAKind_AddedBesideTheFirst_EachCorrectedOnItsOwn_TheReportAndCoverKeepBoth()
    {
        var occupant = await OccupantAsync(factory, skip: 25);
        var other = await OccupantAsync(factory, skip: 26);
        const int agreement = StandardDocumentKinds.RenovationAgreement;
        var first = await RecordAsync(factory, Roles.Clerk, occupant.Id, agreement, null, receivedOn: new DateOnly(2026, 3, 2));
        Guid fileId;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var stored = (await ScanAsync(factory, FileIntakeTests.Png, "第二次装修协议.png")).ToStoredFile("renovation", DateTimeOffset.UtcNow);
            db.StoredFiles.Add(stored);
            await db.SaveChangesAsync();
            fileId = stored.Id;
        }
        var paper = new PaperForFile(occupant.Id, agreement, IsOriginal: true, new DateOnly(2026, 5, 1), fileId, "装修申请 2026-0031");
        var second = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<OccupantDocuments>().PutOnFileAsync(paper));
        var again = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<OccupantDocuments>().PutOnFileAsync(paper));

        Assert.True(first.Succeeded && second.Succeeded);
        Assert.Equal((second.Value!.DocumentId, true), (again.Value!.DocumentId, again.Value.ScanUnchanged));
        var papers = (await ChecklistAsync(factory, Roles.Clerk, occupant.Id)).Single(r => r.KindId == agreement).Papers;
        Assert.Equal([first.Value!.DocumentId, second.Value.DocumentId], papers.Select(p => p.DocumentId));
        Assert.Equal([new DateOnly(2026, 3, 2), new DateOnly(2026, 5, 1)], papers.Select(p => p.ReceivedOn));
        Assert.Equal((null, "装修申请 2026-0031", "第二次装修协议.png"), (papers[0].SourceNote, papers[1].SourceNote, papers[1].ScanName));

        // Correcting a paper corrects that one only; a paper is corrected only on its own occupant's file.
        DocumentEntry Correction(int occupantId) => new()
        {
            DocumentId = first.Value.DocumentId, OccupantId = occupantId, KindId = agreement, IsOriginal = true, ReceivedOn = new DateOnly(2026, 3, 3), ReceivedBy = "王芳",
        };
        var corrected = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<OccupantDocuments>().RecordAsync(Correction(occupant.Id), null));
        var elsewhere = await factory.AsRoleAsync(Roles.Clerk, sp => sp.GetRequiredService<OccupantDocuments>().RecordAsync(Correction(other.Id), null));
        Assert.True(corrected.Succeeded);
        Assert.Equal(SaveOutcome.NotFound, elsewhere.Outcome);
        papers = (await ChecklistAsync(factory, Roles.Clerk, occupant.Id)).Single(r => r.KindId == agreement).Papers;
        Assert.Equal(2, papers.Count);
        Assert.Equal((true, "王芳", new DateOnly(2026, 3, 3)), (papers[0].IsOriginal, papers[0].ReceivedBy, papers[0].ReceivedOn));
        Assert.Equal((true, new DateOnly(2026, 5, 1)), (papers[1].IsOriginal, papers[1].ReceivedOn));
        Assert.NotEqual("王芳", papers[1].ReceivedBy);

        var reports = (IServiceProvider sp) => sp.GetRequiredService<DocumentReports>();
        var missing = await factory.AsRoleAsync(Roles.Clerk, sp => reports(sp).MissingAsync(occupant.BuildingId, new PageRequest(0, 500)));
        var cover = await factory.AsRoleAsync(Roles.Clerk, sp => reports(sp).CoverAsync(occupant.Id));
        await using var check = await factory.CreateDbContextAsync();
        var active = await check.DocumentKinds.CountAsync(k => !k.Retired);
        Assert.Equal(active - 1, missing.Rows.Single(r => r.OccupantId == occupant.Id).MissingCount);
        Assert.Equal(2, cover!.Contents.Single(c => c.KindId == agreement).Papers.Count);
    }

    [Fact]
    public async Task MissingReport_OnlyOccupantsMissingPapers_PagedOnTheServer_AndTheCoverListsEveryKind()
    {
        var occupant = await OccupantAsync(factory, skip: 21);
        var reports = (IServiceProvider sp) => sp.GetRequiredService<DocumentReports>();
        var before = await factory.AsRoleAsync(Roles.Clerk, sp => reports(sp).MissingAsync(occupant.BuildingId, new PageRequest(0, 5)));
        foreach (var kind in StandardDocumentKinds.All)
            Assert.True((await RecordAsync(factory, Roles.Clerk, occupant.Id, kind.Id, null)).Succeeded);
        var after = await factory.AsRoleAsync(Roles.Clerk, sp => reports(sp).MissingAsync(occupant.BuildingId, new PageRequest(0, 500)));
        var cover = await factory.AsRoleAsync(Roles.Clerk, sp => reports(sp).CoverAsync(occupant.Id));

        Assert.Equal(5, before.Rows.Count);
        Assert.Equal(before.Total - 1, after.Total);
        Assert.DoesNotContain(after.Rows, r => r.OccupantId == occupant.Id);
        Assert.All(after.Rows, r => Assert.Equal(r.MissingCount, r.MissingKinds.Count));
        await using var db = await factory.CreateDbContextAsync();
        var active = await db.DocumentKinds.CountAsync(k => !k.Retired);
        Assert.Equal(await db.Occupants.CountAsync(o => o.Unit!.BuildingId == occupant.BuildingId && !db.OccupantDocuments.Any(d => d.OccupantId == o.Id && !d.Kind!.Retired)),
            after.Rows.Count(r => r.MissingCount == active));
        Assert.Equal(StandardDocumentKinds.All.Length, cover!.Contents.Count(c => c.OnFile));
        await Assert.ThrowsAsync<PropertyHub.Features.Accounts.Access.AccessRefusedException>(() =>
            factory.AsRoleAsync(Roles.Engineer, sp => reports(sp).MissingAsync(occupant.BuildingId, new PageRequest(0, 5))));
    }
}
