using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees.Requests;

/// <summary>
/// Creates the month's payment requests (P1§7.3): for every unit with a payer, one request with a line per fee item
/// (rate of the unit's use × area, or per unit), a line per paid service signed and not yet billed, and the arrears
/// of earlier months as its own line; the unit's credit is applied; the notices and the payer's personal link go
/// with it. Exactly once per (unit, month): the key refuses a second request, so a second, concurrent or
/// after-crash run only issues what is missing. Units are read and written in batches, each batch one transaction.
/// </summary>
public sealed class PaymentRequestIssuer(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    WritePriority writes,
    PaymentRequestNotices notices,
    EstateTime estateTime,
    TimeProvider clock,
    IOptions<PaymentRequestOptions> options,
    IOptions<PersonalLinkOptions> linkOptions,
    ILogger<PaymentRequestIssuer> logger)
{
    private sealed record UnitToBill(int UnitId, string Unit, int BuildingId, int EstateId, decimal Area, UnitUse Use, Occupant Payer);

    public async Task<int> IssueAsync(DateOnly month, CancellationToken ct)
    {
        await permissions.DemandAsync(Can.IssuePaymentRequests, ct);
        var items = await ItemsAsync(ct);
        int issued = 0, withoutPayer = 0, afterId = 0;
        while (true)
        {
            var (last, units, noPayer) = await NextBatchAsync(month, afterId, ct);
            if (last is null)
                break;
            afterId = last.Value;
            withoutPayer += noPayer;
            if (units.Count == 0)
                continue;
            issued += await UniqueBatches.WriteAsync(units, some => IssueBatchAsync(some, month, items, ct));
        }
        if (withoutPayer > 0)
            logger.LogWarning("{Count} units have no occupant to pay and were not billed for {Month}", withoutPayer, BillingMonth.Period(month));
        logger.LogInformation("Issued {Count} payment requests for {Month}", issued, BillingMonth.Period(month));
        return issued;
    }

    private async Task<ILookup<int, FeeItem>> ItemsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.FeeItems.AsNoTracking().Include(i => i.Rates).Where(i => i.IsActive).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        return items.ToLookup(i => i.EstateId);
    }

    private async Task<(int? Last, List<UnitToBill> Units, int WithoutPayer)> NextBatchAsync(DateOnly month, int afterId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var units = await db.Units.AsNoTracking().Where(u => u.Id > afterId).OrderBy(u => u.Id).Take(options.Value.BatchSize)
            .Select(u => new { u.Id, u.Number, u.BuildingId, u.Building!.Code, u.Building.EstateId, u.Area, u.Use })
            .ToListAsync(ct);
        if (units.Count == 0)
            return (null, [], 0);
        var ids = units.Select(u => u.Id).ToList();
        var billed = await db.PaymentRequests.Where(r => r.Month == month && ids.Contains(r.UnitId)).Select(r => r.UnitId).ToListAsync(ct);
        var occupants = (await db.Occupants.AsNoTracking().Where(o => ids.Contains(o.UnitId)).ToListAsync(ct)).ToLookup(o => o.UnitId);
        var todo = new List<UnitToBill>();
        var withoutPayer = 0;
        foreach (var unit in units.Where(u => !billed.Contains(u.Id)))
        {
            if (Payer(occupants[unit.Id]) is { } payer)
                todo.Add(new UnitToBill(unit.Id, $"{unit.Code}-{unit.Number}", unit.BuildingId, unit.EstateId, unit.Area, unit.Use, payer));
            else
                withoutPayer++;
        }
        return (units[^1].Id, todo, withoutPayer);
    }

    /// <summary>The month's due day (the 20th), but never less than <see cref="PaymentRequestOptions.MinDaysToPay"/> after the estate date it is issued.</summary>
    public DateOnly DueDate(DateOnly month, DateOnly issuedOn)
    {
        var due = new DateOnly(month.Year, month.Month, options.Value.DueDay);
        var earliest = issuedOn.AddDays(options.Value.MinDaysToPay);
        return due < earliest ? earliest : due;
    }

    /// <summary>Fees are the owner's to pay; a unit with only a tenant on file bills the tenant.</summary>
    private static Occupant? Payer(IEnumerable<Occupant> occupants) =>
        occupants.OrderBy(o => o.Role == OccupantRole.Owner ? 0 : 1).ThenBy(o => o.Id).FirstOrDefault();

    private async Task<int> IssueBatchAsync(IReadOnlyList<UnitToBill> units, DateOnly month, ILookup<int, FeeItem> items, CancellationToken ct)
    {
        // People first: a clerk's save under way goes before this batch.
        await writes.YieldAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.IsBackground = true;
        var now = clock.GetUtcNow();
        var ids = units.Select(u => u.UnitId).ToList();
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var earlier = (await db.PaymentRequests.AsNoTracking().Where(r => ids.Contains(r.UnitId) && r.Month < month)
                .Select(r => new { r.UnitId, r.Total, r.Paid }).ToListAsync(ct)).ToLookup(r => r.UnitId);
            // Only units that ever paid can have credit: the others need no look at their payments.
            var paying = (await db.Payments.Where(p => ids.Contains(p.UnitId)).Select(p => p.UnitId).Distinct().ToListAsync(ct)).ToHashSet();
            var services = (await db.PaidServices.Where(s => ids.Contains(s.UnitId) && s.SignedAt != null && s.PaymentRequestId == null)
                .ToListAsync(ct)).ToLookup(s => s.UnitId);
            var requests = new List<(UnitToBill Unit, PaymentRequest Request, decimal Arrears)>();
            foreach (var unit in units)
            {
                var request = new PaymentRequest
                {
                    EstateId = unit.EstateId,
                    BuildingId = unit.BuildingId,
                    UnitId = unit.UnitId,
                    OccupantId = unit.Payer.Id,
                    Month = month,
                    DueDate = DueDate(month, estateTime.LocalDate(unit.EstateId, now)),
                    IssuedAt = now,
                };
                foreach (var item in items[unit.EstateId])
                {
                    var quantity = item.Basis == FeeBasis.PerSquareMetre ? unit.Area : 1m;
                    var segments = FeeCalculator.Prorated(item.Basis, item.Rates, unit.Use, unit.Area, month);
                    foreach (var segment in segments)
                    {
                        // A rate that changes inside the month gives one line per stretch, dated, so the payer can check it.
                        var description = segments.Count == 1 && segment.Days == month.AddMonths(1).AddDays(-1).Day
                            ? item.NameHans
                            : $"{item.NameHans} ({segment.From:MM-dd}–{segment.To:MM-dd})";
                        request.Lines.Add(new PaymentRequestLine
                        {
                            Kind = RequestLineKind.Fee, FeeItemId = item.Id, Description = description,
                            Quantity = quantity, Rate = segment.Rate.Amount, Amount = segment.Amount,
                        });
                    }
                }
                foreach (var service in services[unit.UnitId].OrderBy(s => s.ServiceDate).ThenBy(s => s.Id))
                {
                    request.Lines.Add(new PaymentRequestLine
                    {
                        Kind = RequestLineKind.PaidService, Description = $"{service.ServiceType} ({service.ServiceDate:yyyy-MM-dd})",
                        Quantity = 1, Rate = service.Price, Amount = service.Price,
                    });
                }
                request.Total = request.Lines.Sum(l => l.Amount);
                // Arrears are shown as their own line; they stay owed on their own months' requests, so they are not in Total.
                var arrears = earlier[unit.UnitId].Sum(r => r.Total - r.Paid);
                if (arrears > 0)
                    request.Lines.Add(new PaymentRequestLine { Kind = RequestLineKind.Arrears, Description = "往期欠费", Quantity = 1, Rate = arrears, Amount = arrears });
                requests.Add((unit, request, arrears));
            }
            if (BulkInsert.Supports(db))
                await WriteRawAsync(db, requests, services, paying, now, ct);
            else
                await WriteTrackedAsync(db, requests, services, paying, now, ct);
            await transaction.CommitAsync(ct);
            return requests.Count;
        });
    }

    /// <summary>SQL Server (and any other provider): EF Core's change tracking and SaveChanges, as it always was.</summary>
    private async Task WriteTrackedAsync(AppDbContext db, List<(UnitToBill Unit, PaymentRequest Request, decimal Arrears)> requests,
        ILookup<int, PaidService> services, HashSet<int> paying, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (_, request, _) in requests)
            db.PaymentRequests.Add(request);
        await db.SaveChangesAsync(ct);

        foreach (var (unit, request, arrears) in requests)
        {
            foreach (var service in services[unit.UnitId])
                service.PaymentRequestId = request.Id;
            // Money the unit paid beyond what it owed goes to the new request.
            if (paying.Contains(unit.UnitId))
                await Credit.ApplyAsync(db, unit.UnitId, [request], ct);
            var link = PersonalLinkService.Add(db, LinkPurpose.PaymentRequest, request.Id, unit.Payer.Id, now,
                TimeSpan.FromDays(options.Value.LinkDays), linkOptions.Value.PublicBaseUrl);
            notices.Add(db, unit.Payer, unit.Unit, new NoticePlace(unit.EstateId, unit.BuildingId), request, arrears, link, now);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// SQLite and PostgreSQL: the requests, their lines, links and notices go in as multi-row INSERTs (the same rows
    /// SaveChanges would write, without its per-row statements and change tracking); what is left to change (paid
    /// services billed, credit allocated and the requests it pays) is saved through EF Core as before, in the same
    /// transaction. The unique key (unit, month) still refuses a request issued by another run.
    /// </summary>
    private async Task WriteRawAsync(AppDbContext db, List<(UnitToBill Unit, PaymentRequest Request, decimal Arrears)> requests,
        ILookup<int, PaidService> services, HashSet<int> paying, DateTimeOffset now, CancellationToken ct)
    {
        await BulkInsert.InsertReturningKeysAsync(db, requests.Select(r => r.Request).ToList(), nameof(PaymentRequest.UnitId), ct);
        var lines = new List<PaymentRequestLine>();
        foreach (var (_, request, _) in requests)
        {
            foreach (var line in request.Lines)
            {
                line.PaymentRequestId = request.Id;
                lines.Add(line);
            }
        }
        await BulkInsert.InsertAsync(db, lines, ct);

        var links = new List<PersonalLink>(requests.Count);
        var made = new List<Notice>(requests.Count * 3);
        foreach (var (unit, request, arrears) in requests)
        {
            foreach (var service in services[unit.UnitId])
                service.PaymentRequestId = request.Id;
            if (paying.Contains(unit.UnitId))
            {
                // Credit changes the stored request: tracked as a copy without its lines (those are written already).
                var stored = new PaymentRequest
                {
                    Id = request.Id, EstateId = request.EstateId, BuildingId = request.BuildingId, UnitId = request.UnitId,
                    OccupantId = request.OccupantId, Month = request.Month, DueDate = request.DueDate, IssuedAt = request.IssuedAt,
                    Total = request.Total, Paid = request.Paid, Version = request.Version,
                };
                db.PaymentRequests.Attach(stored);
                await Credit.ApplyAsync(db, unit.UnitId, [stored], ct);
                request.Paid = stored.Paid;
            }
            var (link, url) = PersonalLinkService.New(LinkPurpose.PaymentRequest, request.Id, unit.Payer.Id, now,
                TimeSpan.FromDays(options.Value.LinkDays), linkOptions.Value.PublicBaseUrl);
            links.Add(link);
            made.AddRange(notices.Make(unit.Payer, unit.Unit, new NoticePlace(unit.EstateId, unit.BuildingId), request, arrears, url, now));
        }
        await BulkInsert.InsertAsync(db, links, ct);
        await BulkInsert.InsertAsync(db, made, ct);
        if (db.ChangeTracker.HasChanges())
            await db.SaveChangesAsync(ct);
    }
}
