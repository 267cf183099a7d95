using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Files;
using PropertyHub.Features.Renovation;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>
/// Passes issued, added, revoked and checked at the gate, on a clock the test moves across the estate's midnight. One
/// app for the class: each test starts at 10:00 on 7 December with renovations of its own.
/// </summary>
public sealed class WorkerPassTests : IClassFixture<RenovationAppFactory>
{
    private readonly RenovationAppFactory factory;
    private readonly RenovationTesting renovations;

    public WorkerPassTests(RenovationAppFactory factory)
    {
        this.factory = factory;
        factory.Clock.Set(RenovationAppFactory.Start);
        renovations = new RenovationTesting(factory);
    }

    private async Task<UploadedFile> PhotoAsync() => (await renovations.UploadAsync(RenovationDocumentKind.WorkerPhoto, RenovationTesting.Png, "li.png")).File;

    private async Task<T> PassesAsync<T>(string role, Func<WorkerPassService, Task<T>> action)
    {
        T result = default!;
        await factory.AsAsync(role, async sp => result = await action(sp.GetRequiredService<WorkerPassService>()));
        return result;
    }

    /// <summary>A renovation from 7 to 11 December with its permit, and the first worker's pass.</summary>
    private async Task<(int Id, string Number)> PermitWithPassAsync(Action<RenovationInput>? adjust = null)
    {
        var id = await renovations.ApprovedAsync(adjust: adjust);
        await renovations.SignAsync(id, RenovationParty.Owner);
        await renovations.SignAsync(id, RenovationParty.Contractor);
        Assert.True((await renovations.CollectAsync(id)).Ok);
        Assert.True((await renovations.IssueAsync(id)).Ok);
        var workerId = (await renovations.SheetAsync(id)).Workers[0].Id;
        var photo = await PhotoAsync();
        var pass = await PassesAsync(Roles.Clerk, s => s.IssueAsync(id, workerId, photo));
        Assert.True(pass.Ok, string.Join(",", pass.Errors));
        return (id, pass.Number!);
    }

    private Task<GateResult> CheckAsync(string number) => PassesAsync(Roles.Security, s => s.CheckAsync(number));

    /// <summary>Sets the clock to a wall-clock time at the estate (UTC+8).</summary>
    private void At(int day, int hour, int minute) => factory.Clock.At(2026, 12, day, hour, minute);

    [Fact]
    public async Task Issue_NumberedAfterThePermitValidOverItsDates()
    {
        var (id, number) = await PermitWithPassAsync();

        var sheet = await renovations.SheetAsync(id);
        Assert.Equal(sheet.PermitNumber + "-01", number);
        var passes = await PassesAsync(Roles.Clerk, s => s.ForRenovationAsync(id));
        Assert.Equal((new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 11)), (passes[0].ValidFrom!.Value, passes[0].ValidTo!.Value));
        Assert.Null(passes[1].PassId);
        Assert.Equal("110***********002X", passes[0].MaskedId);
    }

    [Fact]
    public async Task Gate_LastDayUntilTheEstatesMidnight_ThenExpiredWhileUtcIsStillOnTheLastDay()
    {
        var (_, number) = await PermitWithPassAsync();

        At(11, 23, 59);
        var lastMinute = await CheckAsync(number);
        At(12, 0, 0);
        var midnight = await CheckAsync(number);
        At(12, 0, 30);
        var afterMidnight = await CheckAsync(number.ToLowerInvariant());

        Assert.Equal((GateOutcome.Valid, "李强"), (lastMinute.Outcome, lastMinute.Worker));
        Assert.False(string.IsNullOrEmpty(lastMinute.Unit));
        Assert.Equal(GateOutcome.Expired, midnight.Outcome);
        // 00:30 at the estate is 16:30 on the 11th in UTC: the estate's date decides.
        Assert.Equal(11, factory.Clock.GetUtcNow().UtcDateTime.Day);
        Assert.Equal(GateOutcome.Expired, afterMidnight.Outcome);
    }

    [Fact]
    public async Task Gate_PlannedStartTomorrow_NotYetValidUntilTheEstatesMidnight()
    {
        var (_, number) = await PermitWithPassAsync(input => (input.PlannedStart, input.PlannedEnd) = (new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 9)));

        At(7, 23, 59);
        var before = await CheckAsync(number);
        At(8, 0, 0);
        var from = await CheckAsync(number);

        Assert.Equal(GateOutcome.NotYetValid, before.Outcome);
        Assert.Equal(GateOutcome.Valid, from.Outcome);
    }

    [Fact]
    public async Task Gate_CheckedTwice_BothLoggedSecondSaysSo()
    {
        var (_, number) = await PermitWithPassAsync();

        var first = await CheckAsync(number);
        var second = await CheckAsync(" " + number + " ");

        Assert.Equal((GateOutcome.Valid, 0), (first.Outcome, first.EarlierChecksToday));
        Assert.Equal((GateOutcome.Valid, 1), (second.Outcome, second.EarlierChecksToday));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(["吴刚", "吴刚"], await db.GateChecks.Where(c => c.Number == number).Select(c => c.CheckedBy).ToListAsync());
    }

    [Fact]
    public async Task Gate_UnknownNumber_NotFoundAndLogged()
    {
        var result = await CheckAsync("SG2026-999998-01");

        Assert.Equal((GateOutcome.NotFound, null), (result.Outcome, result.Worker));
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(1, await db.GateChecks.CountAsync(c => c.Outcome == GateOutcome.NotFound && c.Number == "SG2026-999998-01"));
    }

    [Fact]
    public async Task Revoke_GateSaysRevokedReasonKept()
    {
        var (id, number) = await PermitWithPassAsync();
        var passId = (await PassesAsync(Roles.Clerk, s => s.ForRenovationAsync(id)))[0].PassId!.Value;

        var noReason = await PassesAsync(Roles.Clerk, s => s.RevokeAsync(passId, " "));
        var revoked = await PassesAsync(Roles.Clerk, s => s.RevokeAsync(passId, "已离职"));

        Assert.Equal("RevokeReasonRequired", noReason.Errors["Reason"]);
        Assert.True(revoked.Ok);
        Assert.Equal(GateOutcome.Revoked, (await CheckAsync(number)).Outcome);
        Assert.Equal("已离职", (await PassesAsync(Roles.Clerk, s => s.ForRenovationAsync(id)))[0].RevokeReason);
    }

    [Fact]
    public async Task AddWorker_WhilePermitRuns_AddedWithTheNextPass()
    {
        var (id, _) = await PermitWithPassAsync();
        var photo = await PhotoAsync();
        At(9, 11, 0);

        var added = await PassesAsync(Roles.Clerk, s => s.AddWorkerAsync(id, new WorkerInput { Name = "陈刚", IdNumber = "110105198001010016" }, photo));

        Assert.True(added.Ok, string.Join(",", added.Errors));
        Assert.EndsWith("-02", added.Number);
        Assert.Equal(["李强", "周明", "陈刚"], (await PassesAsync(Roles.Clerk, s => s.ForRenovationAsync(id))).Select(w => w.Name));
        // The 施工人員登記表 on the applicant's file is brought up to the day the worker was registered.
        var sheet = await renovations.SheetAsync(id);
        await using var db = await factory.CreateDbContextAsync();
        // Other tests of the class file registers for the same occupant: each renovation's register is a paper of its own.
        var register = Assert.Single(await db.OccupantDocuments.Where(d => d.OccupantId == sheet.OccupantId
            && d.KindId == PropertyHub.Features.OccupantFile.Documents.StandardDocumentKinds.WorkerRegister
            && d.SourceNote!.Contains(sheet.PermitNumber!)).ToListAsync());
        Assert.Equal(new DateOnly(2026, 12, 9), register.ReceivedOn);
    }

    [Fact]
    public async Task AddWorker_AfterThePermitExpired_RefusedNothingWritten()
    {
        var (id, _) = await PermitWithPassAsync();
        var photo = await PhotoAsync();
        int files;
        await using (var db = await factory.CreateDbContextAsync())
            files = await db.StoredFiles.CountAsync();
        At(12, 0, 5);

        var added = await PassesAsync(Roles.Clerk, s => s.AddWorkerAsync(id, new WorkerInput { Name = "陈刚", IdNumber = "110105198001010016" }, photo));
        var workerId = (await renovations.SheetAsync(id)).Workers[1].Id;
        var issued = await PassesAsync(Roles.Clerk, s => s.IssueAsync(id, workerId, photo));

        Assert.Equal("PermitExpired", added.Errors[""]);
        Assert.Equal("PermitExpired", issued.Errors[""]);
        await using var check = await factory.CreateDbContextAsync();
        Assert.Equal(2, await check.RenovationWorkers.CountAsync(w => w.ApplicationId == id));
        Assert.Equal(1, await check.WorkerPasses.CountAsync(p => p.ApplicationId == id));
        Assert.Equal(files, await check.StoredFiles.CountAsync());
    }

    [Fact]
    public async Task Issue_BeforeThePermitOrWithoutPhoto_Refused()
    {
        var id = await renovations.ApprovedAsync();
        var workerId = (await renovations.SheetAsync(id)).Workers[0].Id;
        var photo = await PhotoAsync();
        var pdf = (await renovations.UploadAsync(RenovationDocumentKind.Qualification, RenovationTesting.Pdf, "x.pdf")).File;

        var noPermit = await PassesAsync(Roles.Clerk, s => s.IssueAsync(id, workerId, photo));
        var notAPicture = await PassesAsync(Roles.Clerk, s => s.IssueAsync(id, workerId, pdf));

        Assert.Equal("NoPermit", noPermit.Errors[""]);
        Assert.Equal("PhotoRequired", notAPicture.Errors["Photo"]);
    }

    [Theory]
    [InlineData(Roles.Clerk)]
    [InlineData(Roles.Engineer)]
    [InlineData(Roles.Finance)]
    public async Task Gate_NotASecurityOrLeadRole_RefusedNothingLogged(string role)
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() => PassesAsync(role, s => s.CheckAsync("SG2026-999997-01")));

        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(0, await db.GateChecks.CountAsync(c => c.Number == "SG2026-999997-01"));
    }
}
