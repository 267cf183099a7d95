using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;

namespace PropertyHub.Features.Fees.Requests;

/// <summary>
/// Writes a run's payment requests, each transaction under the execution strategy (a retried one is made again from
/// scratch). One context for the whole run, its connection kept open, so that on SQLite and PostgreSQL the raw inserts
/// (<see cref="BulkInsert"/>) prepare their statements once per run. While nobody waits, a transaction takes a whole
/// page of units. People first, for SQLite's single writer: between every few units it looks whether a person's save
/// is waiting, and if so commits at once (the person's save, held on <see cref="WritePriority.Hold"/>, begins right
/// after the commit); and while people have been saving in the last seconds,
/// transactions stay at <see cref="PaymentRequestOptions.BatchSizeWhileBusy"/> units, each after their saves under way.
/// Inside a transaction it reads only what it changes (paid services to bill) or must see at its latest (whether the
/// unit has payments, hence credit).
/// </summary>
internal sealed partial class RequestBatchWriter : IAsyncDisposable
{
    /// <summary>How long after a person last waited for the run it keeps its transactions short.</summary>
    private static readonly TimeSpan BusyFor = TimeSpan.FromSeconds(2);

    private readonly AppDbContext db;
    private readonly BulkInsert? bulk;
    private readonly WritePriority writes;
    private readonly PaymentRequestNotices notices;
    private readonly ILookup<int, FeeItem> items;
    private readonly IReadOnlyDictionary<int, FeeItem> itemsById;
    private readonly DateOnly month;
    private readonly PaymentRequestIssuer issuer;
    private long peopleWaitedAt;

    private RequestBatchWriter(AppDbContext db, WritePriority writes, PaymentRequestNotices notices, ILookup<int, FeeItem> items, DateOnly month,
        PaymentRequestIssuer issuer)
    {
        this.db = db;
        bulk = BulkInsert.Supports(db) ? new BulkInsert(db) : null;
        this.writes = writes;
        this.notices = notices;
        this.items = items;
        itemsById = items.SelectMany(i => i).ToDictionary(i => i.Id);
        this.month = month;
        this.issuer = issuer;
    }

    public static async Task<RequestBatchWriter> OpenAsync(IDbContextFactory<AppDbContext> dbFactory, WritePriority writes, PaymentRequestNotices notices,
        ILookup<int, FeeItem> items, DateOnly month, PaymentRequestIssuer issuer, CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        db.IsBackground = true;
        return new RequestBatchWriter(db, writes, notices, items, month, issuer);
    }

    /// <summary>
    /// SQLite: units written between two looks at whether a person waits — about 5 ms of inserts while nobody has
    /// waited lately, about 1 ms while people are saving (the next one comes soon; fewer rows a statement cost the run
    /// a little). Other databases lock rows, not the database: a person's save does not wait for the run's transaction.
    /// </summary>
    private int UnitsBetweenLooks => !db.Database.IsSqlite() ? int.MaxValue : Busy ? 5 : 25;

    private bool Busy => peopleWaitedAt != 0 && Stopwatch.GetElapsedTime(peopleWaitedAt) < BusyFor;

    /// <summary>
    /// Issues the requests of <paramref name="units"/>, in as many transactions as people's saves ask for; returns how
    /// many this run issued. When the unique key says another run issued some of them meanwhile, the rest go one by
    /// one, leaving theirs alone.
    /// </summary>
    public async Task<int> WriteAsync(IReadOnlyList<UnitToBill> units, CancellationToken ct)
    {
        var issued = 0;
        for (var start = 0; start < units.Count;)
        {
            if (writes.Waiting > 0)
                peopleWaitedAt = Stopwatch.GetTimestamp();
            // A person's save under way goes before the next transaction.
            await writes.YieldAsync(ct);
            var rest = units.Skip(start).ToList();
            try
            {
                var written = await TransactionAsync(rest, Busy ? issuer.BatchSizeWhileBusy : rest.Count, ct);
                issued += written;
                start += written;
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                foreach (var one in rest)
                {
                    try
                    {
                        issued += await TransactionAsync([one], 1, ct);
                    }
                    catch (DbUpdateException duplicate) when (DbErrors.IsUniqueViolation(duplicate))
                    {
                    }
                }
                break;
            }
        }
        return issued;
    }

    private readonly Dictionary<int, (DateTimeOffset At, DateOnly Due)> dueDates = [];

    /// <summary>The due date for an estate's requests issued at <paramref name="now"/>, worked out once per transaction.</summary>
    private DateOnly DueDate(int estateId, DateTimeOffset now)
    {
        if (!dueDates.TryGetValue(estateId, out var due) || due.At != now)
            dueDates[estateId] = due = (now, issuer.DueDate(month, estateId, now));
        return due.Due;
    }

    /// <summary>
    /// One transaction: issues the first units of <paramref name="units"/>, at most <paramref name="most"/>, and fewer
    /// when a person starts waiting for it; returns how many.
    /// </summary>
    private Task<int> TransactionAsync(List<UnitToBill> units, int most, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
                await OpenAsync(ct);
            await SqliteSyncAsync(full: Busy, ct);
            // SQLite: people's saves in this process wait for this transaction's commit on a signal, not by polling.
            using var hold = db.Database.IsSqlite() ? writes.Hold() : null;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db.Database.IsNpgsql())
                await db.Database.ExecuteSqlRawAsync(PostgresForTransaction, ct);
            unflushed |= db.Database.IsSqlite() || db.Database.IsNpgsql();
            var now = issuer.Now;
            var count = Math.Min(most, units.Count);
            // Units come in id order: read by the range of their ids (SQLite binds a long list of ids slowly).
            var (first, last) = (units[0].UnitId, units[count - 1].UnitId);
            // Only units that ever paid can have credit: the others need no look at their payments.
            var paying = (await db.Payments.Where(p => p.UnitId >= first && p.UnitId <= last).Select(p => p.UnitId).Distinct().ToListAsync(ct)).ToHashSet();
            var services = (await db.PaidServices.Where(s => s.UnitId >= first && s.UnitId <= last && s.SignedAt != null && s.PaymentRequestId == null)
                .ToListAsync(ct)).ToLookup(s => s.UnitId);
            var done = 0;
            while (done < count)
            {
                var part = units.Skip(done).Take(Math.Min(UnitsBetweenLooks, count - done)).Select(unit => (Unit: unit,
                    Request: RequestLines.Request(unit, items[unit.EstateId], services[unit.UnitId], month, DueDate(unit.EstateId, now), now))).ToList();
                if (bulk is not null)
                    await WriteRawAsync(bulk, part, services, paying, now, ct);
                else
                    await WriteTrackedAsync(part, services, paying, now, ct);
                done += part.Count;
                if (writes.Waiting > 0)
                    break;
            }
            if (db.ChangeTracker.HasChanges())
                await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return done;
        });

    /// <summary>SQL Server (and any other provider): EF Core's change tracking and SaveChanges.</summary>
    private async Task WriteTrackedAsync(List<(UnitToBill Unit, PaymentRequest Request)> requests, ILookup<int, PaidService> services,
        HashSet<int> paying, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var (_, request) in requests)
            db.PaymentRequests.Add(request);
        await db.SaveChangesAsync(ct);

        foreach (var (unit, request) in requests)
        {
            foreach (var service in services[unit.UnitId])
                service.PaymentRequestId = request.Id;
            // Money the unit paid beyond what it owed goes to the new request.
            if (paying.Contains(unit.UnitId))
                await Credit.ApplyAsync(db, unit.UnitId, [request], ct);
            var link = PersonalLinkService.Add(db, LinkPurpose.PaymentRequest, request.Id, unit.Payer.Id, now, issuer.LinkLifetime, issuer.LinkBaseUrl);
            notices.Add(db, unit.Payer, unit.Unit, unit.Place, request, unit.Arrears, link, now, itemsById);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// SQLite and PostgreSQL: the requests, their lines, links and notices go in raw (the same rows SaveChanges would
    /// write, without its per-row statements and change tracking); what is left to change (paid services billed, credit
    /// allocated and the requests it pays) is saved through EF Core before the commit. The unique key
    /// (unit, month) still refuses a request issued by another run.
    /// </summary>
    private async Task WriteRawAsync(BulkInsert bulk, List<(UnitToBill Unit, PaymentRequest Request)> requests, ILookup<int, PaidService> services,
        HashSet<int> paying, DateTimeOffset now, CancellationToken ct)
    {
        await bulk.InsertWithKeysAsync(requests.Select(r => r.Request).ToList(), nameof(PaymentRequest.UnitId), ct);
        var lines = new List<PaymentRequestLine>(requests.Count * 4);
        foreach (var (_, request) in requests)
        {
            foreach (var line in request.Lines)
            {
                line.PaymentRequestId = request.Id;
                lines.Add(line);
            }
        }
        await bulk.InsertAsync(lines, ct);

        var links = new List<PersonalLink>(requests.Count);
        var made = new List<Notice>(requests.Count * 3);
        foreach (var (unit, request) in requests)
        {
            foreach (var service in services[unit.UnitId])
                service.PaymentRequestId = request.Id;
            if (paying.Contains(unit.UnitId))
                await ApplyCreditAsync(unit, request, ct);
            var (link, url) = PersonalLinkService.New(LinkPurpose.PaymentRequest, request.Id, unit.Payer.Id, now, issuer.LinkLifetime, issuer.LinkBaseUrl);
            links.Add(link);
            made.AddRange(notices.Make(unit.Payer, unit.Unit, unit.Place, request, unit.Arrears, url, now, itemsById));
        }
        await bulk.InsertAsync(links, ct);
        await bulk.InsertAsync(made, ct);
    }

    /// <summary>Credit changes the stored request: tracked as a copy without its lines (those are written already).</summary>
    private async Task ApplyCreditAsync(UnitToBill unit, PaymentRequest request, CancellationToken ct)
    {
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
}
