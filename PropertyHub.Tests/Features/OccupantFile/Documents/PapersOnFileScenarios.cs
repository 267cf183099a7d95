using System.Net;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Files;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.Renovation;
using PropertyHub.Tests.Features.MoveIn;
using PropertyHub.Tests.Features.Renovation;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

/// <summary>
/// The move-in and the renovation putting their papers on the occupant's file, on any provider: ticked at the counter,
/// filed at "move-in completed" and when the permit is issued, and nothing half-written when the file refuses the write.
/// </summary>
public static class PapersOnFileScenarios
{
    public static async Task<Dictionary<int, OccupantDocument>> PapersAsync(AppFactory factory, int occupantId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.OccupantDocuments.AsNoTracking().Where(d => d.OccupantId == occupantId).ToDictionaryAsync(d => d.KindId);
    }

    /// <summary>Ticked documents with a kind go on file (the rest stay on the move-in), unticked come off; completing files the key receipt and inspection form.</summary>
    public static async Task MoveInAsync(AppFactory factory)
    {
        var moveIns = new MoveInTesting(factory);
        var id = (await moveIns.NoticedBatchAsync(1)).MoveIns[0];
        var sheet = await moveIns.SheetAsync(id);
        var before = await PapersAsync(factory, sheet.OccupantId);
        Assert.DoesNotContain(StandardDocumentKinds.IdentityDocuments, before.Keys);
        Assert.DoesNotContain(1, before.Keys);

        var ticked = await Tick(moveIns, id, "IdCopy", "MoveInNotice", "UseCovenant");

        Assert.True(ticked.Ok, string.Join(",", ticked.Errors));
        var papers = await PapersAsync(factory, sheet.OccupantId);
        Assert.Equal(before.Count + 2, papers.Count);
        var identity = papers[StandardDocumentKinds.IdentityDocuments];
        Assert.False(identity.IsOriginal);
        Assert.True(papers[1].IsOriginal);
        Assert.Contains("#" + id, identity.SourceNote);
        Assert.Contains(sheet.Unit, identity.SourceNote);
        Assert.Equal(["IdCopy", "MoveInNotice", "UseCovenant"], (await moveIns.SheetAsync(id)).Documents.Order());

        Assert.True((await Tick(moveIns, id, "IdCopy", "MoveInNotice")).Ok);
        papers = await PapersAsync(factory, sheet.OccupantId);
        Assert.DoesNotContain(1, papers.Keys);
        Assert.Contains(StandardDocumentKinds.IdentityDocuments, papers.Keys);

        await moveIns.ReadyAsync(id);
        var completed = await moveIns.CompleteAsync(id);
        Assert.True(completed.Ok, string.Join(",", completed.Errors));
        var done = await moveIns.SheetAsync(id);
        papers = await PapersAsync(factory, sheet.OccupantId);
        foreach (var kind in new[] { StandardDocumentKinds.KeyReceipt, StandardDocumentKinds.HomeAcceptance })
        {
            Assert.True(papers[kind].IsOriginal);
            Assert.Equal((done.MovedInOn!.Value, done.CompletedBy), (papers[kind].ReceivedOn, papers[kind].ReceivedBy));
            Assert.Contains("#" + id, papers[kind].SourceNote);
        }
        Assert.DoesNotContain(StandardDocumentKinds.AgencyAuthorisation, papers.Keys);
    }

    /// <summary>When the file refuses the write, the tick is not saved either: the move-in does not claim the paper.</summary>
    public static async Task MoveInTickRefusedByTheFileAsync(AppFactory factory, DatabaseProvider provider)
    {
        var moveIns = new MoveInTesting(factory);
        var id = (await moveIns.NoticedBatchAsync(1)).MoveIns[0];
        var sheet = await moveIns.SheetAsync(id);
        var before = await PapersAsync(factory, sheet.OccupantId);

        await using (await RefuseNewPapersAsync(factory, provider))
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => Tick(moveIns, id, "IdCopy", "MoveInNotice"));

        var after = await moveIns.SheetAsync(id);
        Assert.Empty(after.Documents);
        Assert.Equal(sheet.Version, after.Version);
        Assert.Equal(before.Keys.Order(), (await PapersAsync(factory, sheet.OccupantId)).Keys.Order());
        Assert.True((await Tick(moveIns, id, "IdCopy")).Ok);
        Assert.Contains(StandardDocumentKinds.IdentityDocuments, (await PapersAsync(factory, sheet.OccupantId)).Keys);
    }

    /// <summary>Issuing the permit files both agreements, the qualification copy with its scan and the worker register; refused by the file, no permit.</summary>
    public static async Task PermitAsync(AppFactory factory, DatabaseProvider provider)
    {
        var renovations = new RenovationTesting(factory);
        var id = await renovations.ApprovedAsync();
        await renovations.SignAsync(id, RenovationParty.Owner);
        await renovations.SignAsync(id, RenovationParty.Contractor);
        Assert.True((await renovations.CollectAsync(id)).Ok);
        int occupantId;
        Guid qualification;
        await using (var db = await factory.CreateDbContextAsync())
        {
            occupantId = await db.RenovationApplications.Where(a => a.Id == id).Select(a => a.OccupantId).SingleAsync();
            qualification = await db.RenovationDocuments.Where(d => d.ApplicationId == id && d.Kind == RenovationDocumentKind.Qualification).Select(d => d.FileId).SingleAsync();
        }
        var before = await PapersAsync(factory, occupantId);

        await using (await RefuseNewPapersAsync(factory, provider))
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => renovations.IssueAsync(id));
        var refused = await renovations.SheetAsync(id);
        Assert.Null(refused.PermitNumber);
        Assert.Equal(before.Keys.Order(), (await PapersAsync(factory, occupantId)).Keys.Order());

        var issued = await renovations.IssueAsync(id);

        Assert.True(issued.Ok, string.Join(",", issued.Errors));
        var papers = await PapersAsync(factory, occupantId);
        var permit = (await renovations.SheetAsync(id)).PermitNumber!;
        foreach (var kind in new[] { StandardDocumentKinds.RenovationAgreement, StandardDocumentKinds.SafetyResponsibility,
                     StandardDocumentKinds.ContractorQualification, StandardDocumentKinds.WorkerRegister })
            Assert.Contains(permit, papers[kind].SourceNote);
        Assert.Equal(qualification, papers[StandardDocumentKinds.ContractorQualification].FileId);
        Assert.False(papers[StandardDocumentKinds.ContractorQualification].IsOriginal);
        Assert.True(papers[StandardDocumentKinds.RenovationAgreement].IsOriginal);
        Assert.Null(papers[StandardDocumentKinds.SafetyResponsibility].FileId);
        Assert.False(papers.ContainsKey(StandardDocumentKinds.RenovationInspection));

        Assert.True((await renovations.InspectAsync(id)).Ok);

        var inspected = (await PapersAsync(factory, occupantId))[StandardDocumentKinds.RenovationInspection];
        Assert.Contains(permit, inspected.SourceNote);
        Assert.True(inspected.IsOriginal);

        // A second renovation of the unit: its papers go on file beside the first one's, which stay as they were.
        var next = await renovations.ApprovedAsync();
        await renovations.SignAsync(next, RenovationParty.Owner);
        await renovations.SignAsync(next, RenovationParty.Contractor);
        Assert.True((await renovations.CollectAsync(next)).Ok);
        Assert.True((await renovations.IssueAsync(next)).Ok);
        var nextPermit = (await renovations.SheetAsync(next)).PermitNumber!;
        var checklist = await DocumentsTesting.ChecklistAsync(factory, Roles.Clerk, occupantId);
        foreach (var kind in new[] { StandardDocumentKinds.RenovationAgreement, StandardDocumentKinds.SafetyResponsibility,
                     StandardDocumentKinds.ContractorQualification, StandardDocumentKinds.WorkerRegister })
        {
            var filed = checklist.Single(r => r.KindId == kind).Papers;
            Assert.Equal(2, filed.Count);
            Assert.Contains(filed, p => p.SourceNote!.Contains(permit) && !p.SourceNote.Contains(nextPermit));
            Assert.Contains(filed, p => p.SourceNote!.Contains(nextPermit));
        }
        Assert.Equal(papers[StandardDocumentKinds.RenovationAgreement].Id,
            checklist.Single(r => r.KindId == StandardDocumentKinds.RenovationAgreement).Papers.Single(p => p.SourceNote!.Contains(permit) && !p.SourceNote.Contains(nextPermit)).DocumentId);
    }

    /// <summary>
    /// The renovation's own papers on the applicant's file: the receipt with the collection (a printed paper linked to its
    /// receipt page), each drawing with the permit, each inspection photo with the inspection, the refund voucher with the
    /// refund — each with its stored file opened through the file's scan endpoint by those who keep the file and by no one
    /// else. Refused by the file, neither the inspection (nor its photos) nor the refund is saved.
    /// </summary>
    public static async Task RenovationPapersAsync(AppFactory factory, DatabaseProvider provider)
    {
        var renovations = new RenovationTesting(factory);
        var input = await renovations.InputAsync();
        await using (var db = await factory.CreateDbContextAsync())
        {
            // A unit of its own, apart from the other scenarios' renovation (the first unit) and move-ins (the last ones).
            var unitId = await db.Occupants.Select(o => o.UnitId).Distinct().OrderBy(u => u).Skip(2).FirstAsync();
            (input.UnitId, input.OccupantId) = (unitId, await db.Occupants.Where(o => o.UnitId == unitId).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync());
        }
        var occupantId = input.OccupantId;
        IReadOnlyList<RenovationUpload> uploads =
        [
            await renovations.UploadAsync(RenovationDocumentKind.Qualification, RenovationTesting.Pdf, "资质证书.pdf"),
            await renovations.UploadAsync(RenovationDocumentKind.Drawing, RenovationTesting.Png, "平面图.png"),
            await renovations.UploadAsync(RenovationDocumentKind.Drawing, [.. RenovationTesting.Png, 1], "水电图.png"),
        ];
        var submitted = await renovations.AsAsync(Roles.Clerk, s => s.SubmitAsync(input, uploads));
        Assert.True(submitted.Ok, string.Join(",", submitted.Errors));
        var id = submitted.Id!.Value;
        var version = (await renovations.SheetAsync(id)).Version;
        var reviewed = await renovations.AsAsync(Roles.Engineer, s => s.ReviewAsync(id, version, new RenovationReview { Approve = true, Deposit = "2000" }));
        Assert.True(reviewed.Ok, string.Join(",", reviewed.Errors));
        await renovations.SignAsync(id, RenovationParty.Owner);
        await renovations.SignAsync(id, RenovationParty.Contractor);

        var collected = await renovations.CollectAsync(id);

        Assert.True(collected.Ok, string.Join(",", collected.Errors));
        var receipt = Assert.Single(await OfKindAsync(factory, occupantId, StandardDocumentKinds.RenovationReceipts));
        Assert.Equal($"/renovations/{id}/receipts/{collected.Id}", receipt.PrintLink);
        Assert.Contains(collected.Number!, receipt.SourceNote);
        Assert.Null(receipt.FileId);
        Assert.Empty(await OfKindAsync(factory, occupantId, StandardDocumentKinds.RenovationDrawings));

        Assert.True((await renovations.IssueAsync(id)).Ok);

        var sheet = await renovations.SheetAsync(id);
        var drawings = await OfKindAsync(factory, occupantId, StandardDocumentKinds.RenovationDrawings);
        Assert.Equal(sheet.Documents.Where(d => d.Kind == RenovationDocumentKind.Drawing).Select(d => (Guid?)d.FileId).Order(), drawings.Select(d => d.FileId).Order());
        Assert.All(drawings, d => Assert.Contains(sheet.PermitNumber!, d.SourceNote));

        // The inspection refused by the file: no inspection, no photo stored, the works not over.
        var photos = new[] { await renovations.PhotoAsync("墙面.png"), await renovations.PhotoAsync("楼道.png") };
        var inspection = new InspectionInput { InOrder = [.. CompletionRules.Checklist], Damage = "楼道墙面划伤", Charge = "100" };
        int storedBefore;
        await using (var db = await factory.CreateDbContextAsync())
            storedBefore = await db.StoredFiles.CountAsync();
        await using (await RefuseNewPapersAsync(factory, provider))
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => renovations.CompletionAsync(Roles.Engineer, s => s.InspectAsync(id, sheet.Version, inspection, photos)));
        Assert.Equal(RenovationStatus.PermitIssued, (await renovations.SheetAsync(id)).Status);
        await using (var db = await factory.CreateDbContextAsync())
        {
            Assert.Equal(storedBefore, await db.StoredFiles.CountAsync());
            Assert.False(await db.RenovationInspections.AnyAsync(i => i.ApplicationId == id));
        }

        Assert.True((await renovations.CompletionAsync(Roles.Engineer, s => s.InspectAsync(id, sheet.Version, inspection, photos))).Ok);

        var inspected = await renovations.SheetAsync(id);
        var filedPhotos = await OfKindAsync(factory, occupantId, StandardDocumentKinds.RenovationInspectionPhotos);
        Assert.Equal(inspected.Documents.Where(d => d.Kind == RenovationDocumentKind.InspectionPhoto).Select(d => (Guid?)d.FileId).Order(), filedPhotos.Select(d => d.FileId).Order());
        Assert.Equal(2, filedPhotos.Count);

        // The refund refused by the file: the voucher's payment, saved first in the same transaction, is rolled back.
        Assert.True((await renovations.CompletionAsync(Roles.Clerk, s => s.ReturnPermitAsync(id, false, null))).Ok);
        await using (await RefuseNewPapersAsync(factory, provider))
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => renovations.CompletionAsync(Roles.Finance, s => s.RefundAsync(id, "1900", PaymentMethod.Cash, null)));
        var refused = await renovations.SheetAsync(id);
        Assert.Equal(RenovationStatus.Completed, refused.Status);
        Assert.Null(refused.Refund);

        var refunded = await renovations.CompletionAsync(Roles.Finance, s => s.RefundAsync(id, "1900", PaymentMethod.Cash, null));

        Assert.True(refunded.Ok, string.Join(",", refunded.Errors));
        var receipts = await OfKindAsync(factory, occupantId, StandardDocumentKinds.RenovationReceipts);
        Assert.Equal([$"/renovations/{id}/receipts/{collected.Id}", $"/renovations/{id}/receipts/{refunded.Id}"], receipts.Select(r => r.PrintLink));
        Assert.Contains(refunded.Number!, receipts[1].SourceNote);

        // On the checklist: the drawings and photos openable by the clerk, the receipts with their print pages.
        var checklist = await DocumentsTesting.ChecklistAsync(factory, Roles.Clerk, occupantId);
        Assert.All(checklist.Single(r => r.KindId == StandardDocumentKinds.RenovationDrawings).Papers, p => Assert.True(p.HasScan && p.MayOpen));
        Assert.Equal(2, checklist.Single(r => r.KindId == StandardDocumentKinds.RenovationInspectionPhotos).Papers.Count(p => p.MayOpen));
        Assert.Equal(receipts.Select(r => r.PrintLink), checklist.Single(r => r.KindId == StandardDocumentKinds.RenovationReceipts).Papers.Select(p => p.PrintLink));

        // Opened from the file: a drawing by those who keep the file, never by an engineer (who sees renovations, not files).
        var clerk = await factory.ClientForRoleAsync(Roles.Clerk);
        var engineer = await factory.ClientForRoleAsync(Roles.Engineer);
        var opened = await clerk.GetAsync(DocumentScans.Link(drawings[0].Id));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal(RenovationTesting.Png.Length, (await opened.Content.ReadAsByteArrayAsync()).Length);
        AssertDenied(await engineer.GetAsync(DocumentScans.Link(filedPhotos[0].Id)));
        // The receipt's print page opens for a manager, who keeps the file but takes no payments.
        var manager = await factory.ClientForRoleAsync(Roles.Manager);
        var printed = await manager.GetAsync(receipts[1].PrintLink);
        Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        Assert.Contains(refunded.Number!, await printed.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The scans of the signed move-in forms at the counter: onto the move-in's paper of the kind (the one "move-in completed"
    /// files, whichever comes first), a second scan beside the first and said so, the same scan again refused; refused by the
    /// file, nothing stored; attached only by those who hand units over, opened only by those who keep the file.
    /// </summary>
    public static async Task MoveInScansAsync(AppFactory factory, DatabaseProvider provider)
    {
        var moveIns = new MoveInTesting(factory);
        var id = (await moveIns.NoticedBatchAsync(1)).MoveIns[0];
        var occupantId = (await moveIns.SheetAsync(id)).OccupantId;
        Task<MoveInScanResult> AttachAsync(MoveInForm form, UploadedFile? scan, string role = Roles.Clerk) =>
            moveIns.AsAsync<MoveInScanResult, MoveInService>(role, s => s.AttachScanAsync(id, form, scan));
        var inspection = await DocumentsTesting.ScanAsync(factory, RenovationTesting.Pdf, "房屋验收表.pdf");
        var keys = await DocumentsTesting.ScanAsync(factory, [.. RenovationTesting.Png, 1], "钥匙签收表.png");
        var keysAgain = await DocumentsTesting.ScanAsync(factory, [.. RenovationTesting.Png, 2], "钥匙签收表 第二页.png");

        // Before "move-in completed": a paper of its own, which completing then brings up to the day (keeping its scan).
        var early = await AttachAsync(MoveInForm.HouseInspection, inspection);
        Assert.True(early.Ok, early.Problem);
        Assert.False(early.BesideAnother);
        await moveIns.ReadyAsync(id);
        Assert.True((await moveIns.CompleteAsync(id)).Ok);
        var done = await moveIns.SheetAsync(id);
        var home = Assert.Single(await OfKindAsync(factory, occupantId, StandardDocumentKinds.HomeAcceptance));
        Assert.Equal((early.DocumentId, done.MovedInOn!.Value, true), (home.Id, home.ReceivedOn, home.IsOriginal));
        Assert.NotNull(home.FileId);
        Assert.Contains("#" + id, home.SourceNote);

        // After it: the key receipt filed at completion takes the scan; a second one goes beside it.
        var filedKeys = Assert.Single(await OfKindAsync(factory, occupantId, StandardDocumentKinds.KeyReceipt));
        Assert.Null(filedKeys.FileId);
        var first = await AttachAsync(MoveInForm.KeyReceipt, keys);
        Assert.Equal((true, filedKeys.Id, false), (first.Ok, first.DocumentId, first.BesideAnother));
        var second = await AttachAsync(MoveInForm.KeyReceipt, keysAgain);
        Assert.True(second.Ok && second.BesideAnother);
        var keyPapers = await OfKindAsync(factory, occupantId, StandardDocumentKinds.KeyReceipt);
        Assert.Equal(2, keyPapers.Count);
        Assert.Equal(2, keyPapers.Select(p => p.FileId).Distinct().Count());
        Assert.Equal(first.DocumentId, keyPapers[0].Id);

        // The same scan again, a scan of no allowed type, or none: refused, nothing stored.
        int stored;
        await using (var db = await factory.CreateDbContextAsync())
            stored = await db.StoredFiles.CountAsync();
        Assert.Equal("ScanAlreadyOnFile", (await AttachAsync(MoveInForm.KeyReceipt, keys)).Problem);
        Assert.Equal("WrongKind", (await AttachAsync(MoveInForm.MoveInProcedure, keys with { Kind = FileKind.Csv })).Problem);
        Assert.Equal("ScanRequired", (await AttachAsync(MoveInForm.MoveInProcedure, null)).Problem);
        Assert.Equal("FormUnknown", (await AttachAsync((MoveInForm)9, keys)).Problem);
        await Assert.ThrowsAsync<AccessRefusedException>(() => AttachAsync(MoveInForm.MoveInProcedure, inspection, Roles.Engineer));
        var procedure = await DocumentsTesting.ScanAsync(factory, [.. RenovationTesting.Pdf, 9], "入伙手续书.pdf");
        await using (await RefuseNewPapersAsync(factory, provider))
            await Assert.ThrowsAnyAsync<DbUpdateException>(() => AttachAsync(MoveInForm.MoveInProcedure, procedure));
        await using (var db = await factory.CreateDbContextAsync())
            Assert.Equal(stored, await db.StoredFiles.CountAsync());
        Assert.Empty(await OfKindAsync(factory, occupantId, StandardDocumentKinds.MoveInProcedure));

        Assert.True((await AttachAsync(MoveInForm.MoveInProcedure, procedure)).Ok);

        var listed = await moveIns.AsAsync<IReadOnlyList<MoveInScanRow>, MoveInService>(Roles.Clerk, s => s.ScansAsync(id));
        Assert.Equal([MoveInForm.HouseInspection, MoveInForm.KeyReceipt, MoveInForm.KeyReceipt, MoveInForm.MoveInProcedure], listed.Select(r => r.Form).Order());
        Assert.Contains(listed, r => r.Name == "入伙手续书.pdf");

        // Opened from the file by the clerk; Finance, who may not keep the file, is refused.
        var clerk = await factory.ClientForRoleAsync(Roles.Clerk);
        var finance = await factory.ClientForRoleAsync(Roles.Finance);
        Assert.Equal(HttpStatusCode.OK, (await clerk.GetAsync(DocumentScans.Link(second.DocumentId))).StatusCode);
        AssertDenied(await finance.GetAsync(DocumentScans.Link(second.DocumentId)));
    }

    /// <summary>Turned away by the endpoint's policy: sent to the access-denied page, nothing served.</summary>
    private static void AssertDenied(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<List<OccupantDocument>> OfKindAsync(AppFactory factory, int occupantId, int kindId)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.OccupantDocuments.AsNoTracking().Where(d => d.OccupantId == occupantId && d.KindId == kindId).OrderBy(d => d.Id).ToListAsync();
    }

    private static async Task<MoveInResult> Tick(MoveInTesting moveIns, int id, params string[] keys)
    {
        var sheet = await moveIns.SheetAsync(id);
        return await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.ReceiveDocumentsAsync(id, sheet.Version, keys));
    }

    /// <summary>A trigger that refuses every new paper on file until disposed: the file's write fails.</summary>
    private static async Task<IAsyncDisposable> RefuseNewPapersAsync(AppFactory factory, DatabaseProvider provider)
    {
        var (create, drop) = provider == DatabaseProvider.Postgres
            ? ("""
               CREATE FUNCTION refuse_papers() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql;
               CREATE TRIGGER refuse_papers BEFORE INSERT ON "OccupantDocuments" FOR EACH ROW EXECUTE FUNCTION refuse_papers();
               """, """DROP TRIGGER refuse_papers ON "OccupantDocuments"; DROP FUNCTION refuse_papers();""")
            : ("""CREATE TRIGGER refuse_papers BEFORE INSERT ON "OccupantDocuments" BEGIN SELECT RAISE(ABORT, 'refused'); END;""",
               "DROP TRIGGER refuse_papers;");
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(create);
        return new Dropping(factory, drop);
    }

    private sealed class Dropping(AppFactory factory, string drop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync(drop);
        }
    }
}
