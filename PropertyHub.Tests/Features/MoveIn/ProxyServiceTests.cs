using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>Proxy services: the fee billed once as a signed paid service; late ones escalate onto the queue once.</summary>
public sealed class ProxyServiceTests(MoveInClock clock) : IClassFixture<MoveInClock>
{
    private readonly ClockedAppFactory app = clock.Factory;
    private readonly MoveInTesting testing = new(clock.Factory);

    private async Task<int> RequestedAsync(DateOnly promised)
    {
        await using var db = await app.CreateDbContextAsync();
        var owner = await db.Occupants.OrderBy(o => o.Id).FirstAsync();
        var result = await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, s => s.RequestAsync(new ProxyInput
        {
            UnitId = owner.UnitId, OccupantId = owner.Id, Kind = "燃气开户", Fee = "80", PromisedOn = promised,
        }));
        Assert.True(result.Ok, string.Join(",", result.Errors));
        return result.Id!.Value;
    }

    private Task<ProxyRow> SheetAsync(int id) => testing.AsAsync<ProxyRow, ProxyServiceService>(Roles.Clerk, async s => (await s.SheetAsync(id))!);

    [Fact]
    public async Task TheFee_IsBilledOnceAsASignedPaidService_OnlyAfterTheLetterIsSigned()
    {
        var bad = await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, s => s.RequestAsync(new ProxyInput { UnitId = 1, Fee = "-5" }));
        Assert.Equal("AmountNegative", bad.Errors["Fee"]);
        var id = await RequestedAsync(new DateOnly(2026, 12, 20));
        Assert.Equal("SignFirst", (await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, async s => await s.DoneAsync(id, (await SheetAsync(id)).Version))).Errors[""]);
        var version = (await SheetAsync(id)).Version;
        Assert.True((await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, s => s.SignAsync(id, version, MoveInTesting.Signature))).Ok);
        version = (await SheetAsync(id)).Version;

        var both = await Task.WhenAll(
            testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, s => s.DoneAsync(id, version)),
            testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, s => s.DoneAsync(id, version)));

        Assert.Single(both, r => r.Ok);
        var done = await SheetAsync(id);
        Assert.Equal(ProxyServiceStatus.Done, done.Status);
        Assert.Equal("ProxyDone", (await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, s => s.DoneAsync(id, done.Version))).Errors[""]);
        await using var db = await app.CreateDbContextAsync();
        var paid = await db.PaidServices.SingleAsync(p => p.Id == done.PaidServiceId);
        Assert.Equal(80m, paid.Price);
        Assert.NotNull(paid.SignedAt);
        Assert.Null(paid.PaymentRequestId);
        Assert.Equal(1, await db.PaidServices.CountAsync(p => p.UnitId == paid.UnitId && p.ServiceType.Contains("燃气开户")));
        // The signed 代辦服務委託書 went on the owner's file with the signature.
        var owner = await db.ProxyServices.Where(p => p.Id == id).Select(p => p.OccupantId).SingleAsync();
        var letter = await db.OccupantDocuments.SingleAsync(d => d.OccupantId == owner && d.KindId == StandardDocumentKinds.AgencyAuthorisation);
        Assert.True(letter.IsOriginal);
        Assert.Contains("燃气开户", letter.SourceNote);
    }

    [Fact]
    public async Task ALateProxyService_GoesOnTheQueueOnce_ADoneOrOnTimeOneNot()
    {
        var late = await RequestedAsync(new DateOnly(2026, 12, 10));
        var onTime = await RequestedAsync(new DateOnly(2026, 12, 12));
        var day = new DateOnly(2026, 12, 11);

        await Task.WhenAll(EscalateAsync(day), EscalateAsync(day));
        await EscalateAsync(day);

        var row = await SheetAsync(late);
        Assert.True(row.IsLate(day));
        Assert.NotNull(row.LateRequestId);
        Assert.Null((await SheetAsync(onTime)).LateRequestId);
        await using var db = await app.CreateDbContextAsync();
        var item = await db.ServiceRequests.SingleAsync(r => r.Id == row.LateRequestId);
        Assert.Equal(RequestStatus.Open, item.Status);
        Assert.Equal(EscalationLevel.Supervisor, item.Level);
        Assert.Contains("燃气开户", item.Content);
        Assert.Equal(1, await db.ServiceRequests.CountAsync(r => r.Content.Contains("燃气开户") && r.Content.Contains("2026-12-10")));
    }

    [Fact]
    public async Task TheListAcrossUnits_FiltersByStateAndUnit_PagedOnTheServer()
    {
        PropertyHub.Features.Registry.Occupant owner;
        string address;
        await using (var db = await app.CreateDbContextAsync())
        {
            owner = await db.Occupants.OrderByDescending(o => o.Id).FirstAsync();
            address = await db.Units.Where(u => u.Id == owner.UnitId).Select(u => u.Building!.Code + "-" + u.Number).SingleAsync();
        }
        async Task<int> RequestAsync(string kind, DateOnly promised)
        {
            var result = await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, s => s.RequestAsync(new ProxyInput
            {
                UnitId = owner.UnitId, OccupantId = owner.Id, Kind = kind, Fee = "50", PromisedOn = promised,
            }));
            Assert.True(result.Ok, string.Join(",", result.Errors));
            return result.Id!.Value;
        }
        var open = await RequestAsync("宽带开户", new DateOnly(2026, 12, 20));
        var late = await RequestAsync("有线电视开户", new DateOnly(2026, 12, 20));
        var done = await RequestAsync("电话开户", new DateOnly(2026, 12, 20));
        await using (var db = await app.CreateDbContextAsync())
        {
            (await db.ProxyServices.SingleAsync(p => p.Id == late)).PromisedOn = new DateOnly(2026, 12, 9);
            await db.SaveChangesAsync();
        }
        Assert.True((await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, async s => await s.SignAsync(done, (await SheetAsync(done)).Version, MoveInTesting.Signature))).Ok);
        Assert.True((await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, async s => await s.DoneAsync(done, (await SheetAsync(done)).Version))).Ok);

        Task<Slice<ProxyListRow>> PageAsync(ProxyState? state, int take = 25) =>
            testing.AsAsync<Slice<ProxyListRow>, ProxyServiceService>(Roles.Clerk, s => s.PageAsync(new ProxyFilter(state, address), new PageRequest(0, take)));

        Assert.Equal([open, late, done], (await PageAsync(null)).Rows.Select(r => r.Id).Order());
        Assert.Equal([open], (await PageAsync(ProxyState.Open)).Rows.Select(r => r.Id));
        Assert.Equal((late, ProxyState.Late), (await PageAsync(ProxyState.Late)).Rows.Select(r => (r.Id, r.State)).Single());
        Assert.Equal((done, ProxyState.Done), (await PageAsync(ProxyState.Done)).Rows.Select(r => (r.Id, r.State)).Single());
        var first = await PageAsync(null, take: 2);
        Assert.Equal((2, 3), (first.Rows.Count, first.Total));
        // Another unit's services are not on this unit's list; a cashier (not handling them) is refused.
        Assert.DoesNotContain((await PageAsync(null)).Rows, r => r.Unit != address);
        await Assert.ThrowsAnyAsync<Exception>(() => testing.AsAsync<Slice<ProxyListRow>, ProxyServiceService>(Roles.Finance,
            s => s.PageAsync(new ProxyFilter(), new PageRequest(0, 25))));
    }

    [Fact]
    public async Task ThePaidService_ReadsInEachReadersLanguage_ACommonKindTranslated_AnotherAsTyped()
    {
        await using var db = await app.CreateDbContextAsync();
        var owner = await db.Occupants.OrderBy(o => o.Id).Skip(1).FirstAsync();
        async Task<PropertyHub.Features.Fees.PaidService> DoneAsync(string kind)
        {
            var id = (await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, s => s.RequestAsync(new ProxyInput
            {
                UnitId = owner.UnitId, OccupantId = owner.Id, Kind = kind, Fee = "30", PromisedOn = new DateOnly(2026, 12, 24),
            }))).Id!.Value;
            Assert.True((await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, async s => await s.SignAsync(id, (await SheetAsync(id)).Version, MoveInTesting.Signature))).Ok);
            var done = await testing.AsAsync<MoveInResult, ProxyServiceService>(Roles.Clerk, async s => await s.DoneAsync(id, (await SheetAsync(id)).Version));
            Assert.True(done.Ok, string.Join(",", done.Errors));
            var paidId = (await SheetAsync(id)).PaidServiceId;
            await using var read = await app.CreateDbContextAsync();
            return await read.PaidServices.SingleAsync(p => p.Id == paidId);
        }

        // Picked on an English form: the bill of a Chinese reader names it in Chinese, the record keeps the bills' language.
        var gas = await DoneAsync("gas ACCOUNT ");
        Assert.Equal("代办：燃气开户", gas.ServiceType);
        Assert.Equal("Proxy service: Gas account", TimelinePhrases.RenderIn(gas.TypePhrase!, "en"));
        Assert.Equal("代辦：燃氣開戶", TimelinePhrases.RenderIn(gas.TypePhrase!, "zh-Hant"));
        // A kind of the clerk's own reads as typed, inside the reader's words.
        var moving = await DoneAsync("Moving van");
        Assert.Equal("代办：Moving van", moving.ServiceType);
        Assert.Equal("Proxy service: Moving van", TimelinePhrases.RenderIn(moving.TypePhrase!, "en"));
        Assert.Equal("Proxy_Tv", ProxyKinds.CodeOf("有線電視開通"));
        Assert.Null(ProxyKinds.CodeOf("Moving van"));
    }

    private async Task<int> EscalateAsync(DateOnly day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LateProxyServices>().EscalateAsync(day);
    }
}
