using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
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
/// after-crash run only issues what is missing.
/// Units are read a page of <see cref="PaymentRequestOptions.BatchSize"/> at a time outside any transaction (what to
/// bill, who pays, what is still owed), then written by <see cref="RequestBatchWriter"/>, people first.
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
    public async Task<int> IssueAsync(DateOnly month, CancellationToken ct)
    {
        await permissions.DemandAsync(Can.IssuePaymentRequests, ct);
        var items = await ItemsAsync(ct);
        await using var reading = await dbFactory.CreateDbContextAsync(ct);
        reading.IsBackground = true;
        await using var writer = await RequestBatchWriter.OpenAsync(dbFactory, writes, notices, items, month, this, ct);
        int issued = 0, withoutPayer = 0, afterId = 0;
        while (true)
        {
            var (last, units, noPayer) = await NextPageAsync(reading, month, afterId, ct);
            if (last is null)
                break;
            afterId = last.Value;
            withoutPayer += noPayer;
            issued += await writer.WriteAsync(units, ct);
        }
        await writer.FinishAsync(ct);
        if (withoutPayer > 0)
            logger.LogWarning("{Count} units have no occupant to pay and were not billed for {Month}", withoutPayer, BillingMonth.Period(month));
        logger.LogInformation("Issued {Count} payment requests for {Month}", issued, BillingMonth.Period(month));
        return issued;
    }

    /// <summary>The month's due day (the 20th), but never less than <see cref="PaymentRequestOptions.MinDaysToPay"/> after the estate date it is issued.</summary>
    public DateOnly DueDate(DateOnly month, DateOnly issuedOn)
    {
        var due = new DateOnly(month.Year, month.Month, options.Value.DueDay);
        var earliest = issuedOn.AddDays(options.Value.MinDaysToPay);
        return due < earliest ? earliest : due;
    }

    internal DateOnly DueDate(DateOnly month, int estateId, DateTimeOffset now) => DueDate(month, estateTime.LocalDate(estateId, now));

    internal int BatchSizeWhileBusy => options.Value.BatchSizeWhileBusy;

    internal DateTimeOffset Now => clock.GetUtcNow();

    internal TimeSpan LinkLifetime => TimeSpan.FromDays(options.Value.LinkDays);

    internal string LinkBaseUrl => linkOptions.Value.PublicBaseUrl;

    private async Task<ILookup<int, FeeItem>> ItemsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.FeeItems.AsNoTracking().Include(i => i.Rates).Where(i => i.IsActive).OrderBy(i => i.Order).ThenBy(i => i.Id).ToListAsync(ct);
        return items.ToLookup(i => i.EstateId);
    }

    /// <summary>
    /// The next page of units not yet billed for the month, with their payer and what they still owe from earlier
    /// months. Read outside the write transactions: the unique key, not this read, keeps a request from being issued
    /// twice; the arrears line is what was owed when the page was read.
    /// </summary>
    private async Task<(int? Last, List<UnitToBill> Units, int WithoutPayer)> NextPageAsync(AppDbContext db, DateOnly month, int afterId, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Id > afterId).OrderBy(u => u.Id).Take(options.Value.BatchSize)
            .Select(u => new { u.Id, u.Number, u.BuildingId, u.Building!.Code, u.Building.EstateId, u.Area, u.Use })
            .ToListAsync(ct);
        if (units.Count == 0)
            return (null, [], 0);
        // The page is every unit with an id in (afterId, last]: a range, not a list of ids (which SQLite binds slowly).
        var last = units[^1].Id;
        var billed = (await db.PaymentRequests.Where(r => r.Month == month && r.UnitId > afterId && r.UnitId <= last).Select(r => r.UnitId).ToListAsync(ct)).ToHashSet();
        var occupants = (await db.Occupants.AsNoTracking().Where(o => o.UnitId > afterId && o.UnitId <= last).ToListAsync(ct)).ToLookup(o => o.UnitId);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var titles = (await db.TitleRecords.AsNoTracking().Where(t => t.UnitId > afterId && t.UnitId <= last && t.From <= monthEnd)
            .Select(t => new { t.UnitId, t.From, t.OccupantId }).ToListAsync(ct)).ToLookup(t => t.UnitId);
        var earlier = (await db.PaymentRequests.Where(r => r.UnitId > afterId && r.UnitId <= last && r.Month < month)
            .Select(r => new { r.UnitId, r.Total, r.Paid }).ToListAsync(ct)).ToLookup(r => r.UnitId);
        // A unit handed over in a move-in batch is billed from its move-in day; before it, not at all (Features/MoveIn).
        // A unit whose batch was cancelled is still not handed over: not billed until another batch's move-in.
        var movedIn = (await db.MoveIns.AsNoTracking().Where(m => m.UnitId > afterId && m.UnitId <= last)
            .Select(m => new { m.UnitId, m.MovedInOn, m.CancelKey }).ToListAsync(ct))
            .GroupBy(m => m.UnitId).ToDictionary(g => g.Key, g => g.Where(m => m.CancelKey == 0).Select(m => m.MovedInOn).FirstOrDefault());
        var todo = new List<UnitToBill>();
        var withoutPayer = 0;
        foreach (var unit in units.Where(u => !billed.Contains(u.Id)))
        {
            DateOnly? billedFrom = null;
            if (movedIn.TryGetValue(unit.Id, out var movedInOn))
            {
                if (movedInOn is not { } day || day > monthEnd)
                    continue;
                billedFrom = day > month ? day : null;
            }
            // Arrears are shown as their own line; they stay owed on their own months' requests.
            var arrears = earlier[unit.Id].Sum(r => r.Total - r.Paid);
            var owners = OwnersInMonth(titles[unit.Id].Select(t => (t.From, t.OccupantId)), occupants[unit.Id], month);
            if (((owners.Count > 0 ? occupants[unit.Id].FirstOrDefault(o => o.Id == owners[^1].OccupantId) : null) ?? Payer(occupants[unit.Id])) is { } payer)
                todo.Add(new UnitToBill(unit.Id, $"{unit.Code}-{unit.Number}", unit.BuildingId, unit.EstateId, unit.Area, unit.Use, payer, arrears, owners, billedFrom));
            else
                withoutPayer++;
        }
        return (last, todo, withoutPayer);
    }

    /// <summary>
    /// The owners of the month from the unit's title records (none when it has none by the month's end): the owner on
    /// its first day, then each new owner from their transfer date. The first owner on file owns from the first day
    /// when their record starts inside the month (nobody else is known for the days before).
    /// </summary>
    internal static IReadOnlyList<MonthOwner> OwnersInMonth(IEnumerable<(DateOnly From, int OccupantId)> titles, IEnumerable<Occupant> occupants, DateOnly month)
    {
        var ordered = titles.OrderBy(t => t.From).ToList();
        var atStart = ordered.LastOrDefault(t => t.From <= month);
        var owners = ordered.Where(t => t.From > month && t.From < month.AddMonths(1)).Select(t => (t.From, t.OccupantId)).ToList();
        if (atStart != default)
            owners.Insert(0, (month, atStart.OccupantId));
        else if (owners.Count > 0)
            owners[0] = (month, owners[0].OccupantId);
        var names = occupants.ToDictionary(o => o.Id, o => o.Name);
        return owners.Select(o => new MonthOwner(o.From, o.OccupantId, names.GetValueOrDefault(o.OccupantId, ""))).ToList();
    }

    /// <summary>Fees are the owner's to pay; a unit with only a tenant on file bills the tenant.</summary>
    private static Occupant? Payer(IEnumerable<Occupant> occupants) =>
        occupants.OrderBy(o => o.Role == OccupantRole.Owner ? 0 : 1).ThenBy(o => o.Id).FirstOrDefault();
}

/// <summary>A unit to bill: where it is, what it is, who pays, and what it still owed from earlier months when read.</summary>
/// <remarks>When the unit has title records, <see cref="Payer"/> is the owner at the month's end and <see cref="Owners"/> the
/// owners of the month from its first day (more than one when it changed owner inside the month).</remarks>
/// <remarks><see cref="BilledFrom"/>: the move-in day when the unit was handed over inside the month; its days before are not charged.</remarks>
internal sealed record UnitToBill(int UnitId, string Unit, int BuildingId, int EstateId, decimal Area, UnitUse Use, Occupant Payer, decimal Arrears,
    IReadOnlyList<MonthOwner> Owners, DateOnly? BilledFrom = null)
{
    public NoticePlace Place => new(EstateId, BuildingId);
}

/// <summary>An owner of a unit for part of a billing month, from <see cref="From"/> (the month's first day for the first).</summary>
internal sealed record MonthOwner(DateOnly From, int OccupantId, string Name);
