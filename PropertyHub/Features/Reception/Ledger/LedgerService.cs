using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MiniExcelLibs;
using PropertyHub.Data;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Resources;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Reception.Ledger;

/// <summary>
/// The front-desk ledger (客服前臺臺帳, P3 4.1.4): every contact of an estate-local day or range in the order it was
/// received, one page at a time, or all of it as an XLSX sheet.
/// </summary>
public sealed class LedgerService(IDbContextFactory<AppDbContext> dbFactory, EstateTime time, LedgerFormat format, IStringLocalizer<LedgerText> text)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>The longest range one export or page covers.</summary>
    public const int MaxDays = 366;

    public async Task<IReadOnlyList<EstateOption>> EstatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.OrderBy(e => e.Id).Select(e => new EstateOption(e.Id, e.Name)).ToListAsync(ct);
    }

    /// <summary>The estate to show when none is chosen: the first one.</summary>
    public async Task<int?> DefaultEstateAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<LedgerSlice> PageAsync(int estateId, DateOnly from, DateOnly to, int skip, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Contacts(db, estateId, from, to);
        var total = await query.CountAsync(ct);
        var rows = await Project(query).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 500)).ToListAsync(ct);
        return new LedgerSlice(rows, total);
    }

    /// <summary>The whole range as an XLSX sheet with headers in the user's language; the first column is local time.</summary>
    public async Task<byte[]> ExportAsync(int estateId, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var table = new DataTable("Ledger");
        foreach (var column in Columns)
            table.Columns.Add(text[column], typeof(string));
        await foreach (var row in Project(Contacts(db, estateId, from, to)).AsAsyncEnumerable().WithCancellation(ct))
        {
            table.Rows.Add(format.Time(estateId, row.ReceivedAt), row.Unit, row.CallerName, format.Channel(row.Channel), format.Kind(row.Kind),
                row.Content, format.Handling(estateId, row.Handling), row.Remark, row.TakenByName, format.Reply(estateId, row));
        }
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(table, sheetName: "Ledger", excelType: ExcelType.XLSX, cancellationToken: ct);
        return stream.ToArray();
    }

    /// <summary>The resource keys of the ledger's columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["ColumnReceivedAt", "ColumnUnit", "ColumnCaller", "ColumnChannel", "ColumnKind", "ColumnContent", "ColumnHandling", "ColumnRemark", "ColumnHandler", "ColumnRepliedAt"];

    private IQueryable<ServiceRequest> Contacts(AppDbContext db, int estateId, DateOnly from, DateOnly to)
    {
        var (start, end) = time.UtcBounds(estateId, from, to);
        return db.ServiceRequests.AsNoTracking()
            .Where(r => r.EstateId == estateId && r.ReceivedAt >= start && r.ReceivedAt < end)
            .OrderBy(r => r.ReceivedAt).ThenBy(r => r.Id);
    }

    private static IQueryable<LedgerRow> Project(IQueryable<ServiceRequest> query) => query.Select(r => new LedgerRow(
        r.Id,
        r.ReceivedAt,
        r.Unit == null ? null : r.Unit.Building!.Code + "-" + r.Unit.Number,
        r.CallerName,
        r.Channel,
        r.Kind,
        r.Content,
        new LedgerHandling(r.Kind, r.Timeline.Any(t => t.Kind == TimelineKind.Answered), r.AgreedReplyAt, r.Department, r.ForColleague,
            r.Level, r.RepliedAt, r.Status, r.CloseReason),
        r.Remark,
        r.TakenByName,
        r.RepliedAt,
        r.RepliedLate));
}
