using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
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
