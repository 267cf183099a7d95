using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.OccupantFile.Titles;

/// <summary>A unit's title records and ownership history (P1§6): who owned it when, and transfers to a new owner.</summary>
public sealed class TitleService(
    IDbContextFactory<AppDbContext> dbFactory,
    Permissions permissions,
    EstateTime estateTime,
    IOptions<TitleOptions> options,
    IStringLocalizer<OccupantFileText> text,
    IStringLocalizer<SharedText> sharedText)
{
    /// <summary>The unit's owners, newest first, each with the last day owned (the day before the next one's).</summary>
    public async Task<IReadOnlyList<OwnershipRow>> GetHistoryAsync(int unitId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.TitleRecords.AsNoTracking().Where(o => o.UnitId == unitId).OrderByDescending(o => o.Sequence)
            .Select(o => new { o.Id, o.Sequence, o.OccupantId, o.Occupant!.Name, o.From, o.PurchaseContract, o.CertificateNumber, o.PaymentProof })
            .ToListAsync(ct);
        return rows.Select((o, i) => new OwnershipRow(o.Id, o.Sequence, o.OccupantId, o.Name, o.From, i == 0 ? null : rows[i - 1].From.AddDays(-1),
            o.PurchaseContract, o.CertificateNumber, o.PaymentProof)).ToList();
    }

    /// <summary>Who owned the unit on <paramref name="day"/>: the owner with the latest start on or before it; null before the first on file.</summary>
    public async Task<OwnerOn?> OwnerOnAsync(int unitId, DateOnly day, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.TitleRecords.AsNoTracking().Where(o => o.UnitId == unitId && o.From <= day).OrderByDescending(o => o.From)
            .Select(o => new OwnerOn(o.OccupantId, o.Occupant!.Name, o.From)).FirstOrDefaultAsync(ct);
    }

    /// <summary>The occupant's latest stretch as owner of their unit (To: the last day, null while they own it), or null when none is on file.</summary>
    public async Task<OwnershipRow?> OwnershipOfAsync(int occupantId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.TitleRecords.AsNoTracking().Where(t => t.OccupantId == occupantId).OrderByDescending(t => t.Sequence)
            .Select(t => new { t.Id, t.UnitId, t.Sequence, t.Occupant!.Name, t.From, t.PurchaseContract, t.CertificateNumber, t.PaymentProof }).FirstOrDefaultAsync(ct);
        if (record is null)
            return null;
        var next = await db.TitleRecords.AsNoTracking().Where(t => t.UnitId == record.UnitId && t.Sequence > record.Sequence)
            .OrderBy(t => t.Sequence).Select(t => (DateOnly?)t.From).FirstOrDefaultAsync(ct);
        return new OwnershipRow(record.Id, record.Sequence, occupantId, record.Name, record.From, next?.AddDays(-1),
            record.PurchaseContract, record.CertificateNumber, record.PaymentProof);
    }

    /// <summary>
    /// Records the unit's next owner from <see cref="OwnershipTransfer.From"/> with the title records collected: the first
    /// owner on file, or a transfer from the owner now. Refused: an owner not on the unit, the owner now again, a date
    /// not after the previous owner's, a date more than <see cref="TitleOptions.MaxDaysAhead"/> ahead. Another
    /// transfer recorded meanwhile is a conflict (the unique sequence decides, not the check).
    /// </summary>
    public async Task<SaveResult<OwnershipRow>> TransferAsync(OwnershipTransfer form, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.RecordTitles, ct))
            return Fail(SaveOutcome.Denied, sharedText["AccessDenied"]);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == form.UnitId).Select(u => new { u.Id, u.Building!.EstateId }).FirstOrDefaultAsync(ct);
        if (unit is null)
            return Fail(SaveOutcome.NotFound, sharedText["NotFound"]);
        var last = await db.TitleRecords.AsNoTracking().Where(o => o.UnitId == unit.Id).OrderByDescending(o => o.Sequence)
            .Select(o => new { o.Sequence, o.OccupantId, o.Occupant!.Name, o.From }).FirstOrDefaultAsync(ct);
        if ((last?.Sequence ?? 0) != form.AfterSequence)
            return Fail(SaveOutcome.Conflict, text["OwnershipChanged"]);

        var errors = new List<FieldError>();
        var owner = await db.Occupants.AsNoTracking().Where(o => o.Id == form.OwnerId && o.UnitId == unit.Id).Select(o => new { o.Id, o.Name, o.Role }).FirstOrDefaultAsync(ct);
        if (owner is null)
            errors.Add(new(nameof(OwnershipTransfer.OwnerId), text["OwnerRequired"]));
        else if (owner.Role != OccupantRole.Owner)
            errors.Add(new(nameof(OwnershipTransfer.OwnerId), text["OwnerNotAnOwner", owner.Name]));
        else if (last?.OccupantId == owner.Id)
            errors.Add(new(nameof(OwnershipTransfer.OwnerId), text["AlreadyOwner", owner.Name]));
        var latest = estateTime.Today(unit.EstateId).AddDays(options.Value.MaxDaysAhead);
        if (form.From is not { } from)
            errors.Add(new(nameof(OwnershipTransfer.From), text["TransferDateRequired"]));
        else if (last is not null && from <= last.From)
            errors.Add(new(nameof(OwnershipTransfer.From), text["TransferBeforePrevious", last.From.ToString("yyyy-MM-dd"), last.Name]));
        else if (from > latest)
            errors.Add(new(nameof(OwnershipTransfer.From), text["TransferTooFarAhead", options.Value.MaxDaysAhead, latest.ToString("yyyy-MM-dd")]));
        var contract = Field(form.PurchaseContract, nameof(OwnershipTransfer.PurchaseContract), errors);
        var certificate = Field(form.CertificateNumber, nameof(OwnershipTransfer.CertificateNumber), errors);
        var proof = Field(form.PaymentProof, nameof(OwnershipTransfer.PaymentProof), errors);
        if (errors.Count > 0)
            return new(SaveOutcome.Invalid, null, errors);

        var record = new TitleRecord
        {
            UnitId = unit.Id, Sequence = (last?.Sequence ?? 0) + 1, OccupantId = owner!.Id, From = form.From!.Value,
            PurchaseContract = contract, CertificateNumber = certificate, PaymentProof = proof,
        };
        db.TitleRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            return Fail(SaveOutcome.Conflict, text["OwnershipChanged"]);
        }
        return SaveResult<OwnershipRow>.Saved(new OwnershipRow(record.Id, record.Sequence, owner.Id, owner.Name, record.From, null, contract, certificate, proof));
    }

    /// <summary>Corrects the title records of an owner already on file (contract, certificate number, payment proof); the owner and the date stay.</summary>
    public async Task<SaveResult<OwnershipRow>> EditRecordsAsync(TitleRecordsEdit form, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.RecordTitles, ct))
            return Fail(SaveOutcome.Denied, sharedText["AccessDenied"]);
        var errors = new List<FieldError>();
        var contract = Field(form.PurchaseContract, nameof(TitleRecordsEdit.PurchaseContract), errors);
        var certificate = Field(form.CertificateNumber, nameof(TitleRecordsEdit.CertificateNumber), errors);
        var proof = Field(form.PaymentProof, nameof(TitleRecordsEdit.PaymentProof), errors);
        if (errors.Count > 0)
            return new(SaveOutcome.Invalid, null, errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.TitleRecords.Include(t => t.Occupant).FirstOrDefaultAsync(t => t.Id == form.Id, ct);
        if (record is null)
            return Fail(SaveOutcome.NotFound, sharedText["NotFound"]);
        (record.PurchaseContract, record.CertificateNumber, record.PaymentProof) = (contract, certificate, proof);
        await db.SaveChangesAsync(ct);
        return SaveResult<OwnershipRow>.Saved(new OwnershipRow(record.Id, record.Sequence, record.OccupantId, record.Occupant!.Name, record.From, null, contract, certificate, proof));
    }

    private string? Field(string? value, string field, List<FieldError> errors)
    {
        var clean = TypedText.Text(value);
        if (clean is not null && clean.Length > TitleRecordConfiguration.TextLength)
            errors.Add(new(field, text["TooLong", TitleRecordConfiguration.TextLength]));
        return clean;
    }

    private static SaveResult<OwnershipRow> Fail(SaveOutcome outcome, string message) => new(outcome, null, [new FieldError("", message)]);
}
