using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.PaidServices;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.MoveIn;

/// <summary>
/// Proxy services (代辦服務, P1§4.4): agreed with a fee and a promised date, the 代辦服務委託書 signed on the tablet,
/// progress noted, then done — and its fee billed once, as a signed paid service on the next payment request, written
/// in the same save as "done" (so done and billed never part).
/// </summary>
public sealed partial class ProxyServiceService(IDbContextFactory<AppDbContext> dbFactory, CurrentActor actor, Permissions permissions,
    EstateTime estateTime, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizer<Resources.PapersText> papers)
{
    public async Task<MoveInResult> RequestAsync(ProxyInput input, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleProxyServices, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var unit = await db.Units.AsNoTracking().Where(u => u.Id == input.UnitId).Select(u => new { u.Id, u.Building!.EstateId }).SingleOrDefaultAsync(ct);
        if (unit is null)
            return MoveInResult.Fail("", "UnitNotFound");
        var errors = new Dictionary<string, string>();
        var kind = Registry.TypedText.Text(input.Kind);
        var description = Registry.TypedText.Text(input.Description);
        if (kind is null || kind.Length > ProxyService.KindMax)
            errors[nameof(input.Kind)] = kind is null ? "ProxyKindRequired" : "ProxyKindTooLong";
        if (description?.Length > ProxyService.DescriptionMax)
            errors[nameof(input.Description)] = "DescriptionTooLong";
        var (fee, feeError) = FeeRules.ParseAmount(input.Fee);
        if (feeError is not null || fee == 0)
            errors[nameof(input.Fee)] = feeError ?? "AmountMustBePositive";
        if (input.PromisedOn is not { } promised)
            errors[nameof(input.PromisedOn)] = "PromisedRequired";
        else if (promised < estateTime.Today(unit.EstateId))
            errors[nameof(input.PromisedOn)] = "DayInPast";
        if (!await db.Occupants.AnyAsync(o => o.Id == input.OccupantId && o.UnitId == unit.Id, ct))
            errors[nameof(input.OccupantId)] = "OccupantRequired";
        if (errors.Count > 0)
            return new MoveInResult(errors);
        var service = new ProxyService
        {
            EstateId = unit.EstateId, UnitId = unit.Id, OccupantId = input.OccupantId, Kind = kind!, Description = description, Fee = fee!.Value,
            PromisedOn = input.PromisedOn!.Value, Status = ProxyServiceStatus.Requested, RequestedAt = clock.GetUtcNow(), RequestedBy = (await actor.GetAsync()).Name,
        };
        db.ProxyServices.Add(service);
        await db.SaveChangesAsync(ct);
        return MoveInResult.Saved(service.Id);
    }

    /// <summary>The owner signs the 代辦服務委託書 on the tablet (witnessed by the clerk); the work starts.</summary>
    public async Task<MoveInResult> SignAsync(int id, int version, string? signature, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleProxyServices, ct);
        if (PaidServiceRules.Signature(signature) is { } error)
            return MoveInResult.Fail("Signature", error);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.ProxyServices.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (service is null)
            return MoveInResult.Fail("", "ProxyNotFound");
        if (service.SignedAt is not null)
            return MoveInResult.Fail("", "AlreadySigned");
        db.Entry(service).Property(p => p.Version).OriginalValue = version;
        service.Signature = signature!.Trim();
        service.SignedAt = clock.GetUtcNow();
        service.WitnessedBy = (await actor.GetAsync()).Name;
        service.Status = ProxyServiceStatus.InProgress;
        // The signed 代辦服務委託書 goes on the owner's file in the same save.
        var note = papers["ProxySource", service.Kind, service.Id];
        await OccupantFile.Documents.FiledPapers.StageAsync(db, new(service.OccupantId, OccupantFile.Documents.StandardDocumentKinds.AgencyAuthorisation, true,
            estateTime.LocalDate(service.EstateId, service.SignedAt.Value), null, note), service.WitnessedBy, ct);
        return await MoveInResult.SaveAsync(db, id, ct);
    }

    public async Task<MoveInResult> AddNoteAsync(int id, string? note, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleProxyServices, ct);
        var clean = Registry.TypedText.Text(note);
        if (clean is null || clean.Length > ProxyServiceNote.TextMax)
            return MoveInResult.Fail("Note", clean is null ? "NoteRequired" : "NoteTooLong");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.ProxyServices.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (service is null)
            return MoveInResult.Fail("", "ProxyNotFound");
        if (service.Status == ProxyServiceStatus.Done)
            return MoveInResult.Fail("", "ProxyDone");
        db.ProxyServiceNotes.Add(new ProxyServiceNote { ProxyServiceId = id, At = clock.GetUtcNow(), By = (await actor.GetAsync()).Name, Text = clean });
        await db.SaveChangesAsync(ct);
        return MoveInResult.Saved(id);
    }

    /// <summary>
    /// Done: and its fee becomes a paid service, signed by the owner's signature on the 委託書 (which agreed the fee),
    /// billed by the next payment request. Once: a second "done" is refused, and two at once lose on the version.
    /// </summary>
    public async Task<MoveInResult> DoneAsync(int id, int version, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.HandleProxyServices, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var service = await db.ProxyServices.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (service is null)
            return MoveInResult.Fail("", "ProxyNotFound");
        if (service.Status == ProxyServiceStatus.Done)
            return MoveInResult.Fail("", "ProxyDone");
        if (service.SignedAt is null)
            return MoveInResult.Fail("", "SignFirst");
        db.Entry(service).Property(p => p.Version).OriginalValue = version;
        var now = clock.GetUtcNow();
        var who = (await actor.GetAsync()).Name;
        // Kept for the record in the bills' own language; each reader's bill reads the phrase in theirs.
        var phrase = Reception.TimelinePhrases.Write(nameof(Resources.MoveInText), [new Reception.PhraseLine("ProxyPaidServiceType", ProxyKinds.PhraseArg(service.Kind))]);
        var type = (phrase is null ? null : Reception.TimelinePhrases.RenderIn(phrase, Notices.NoticeOutbox.DefaultLanguage)) ?? service.Kind;
        var paid = new PaidService
        {
            EstateId = service.EstateId, UnitId = service.UnitId, OccupantId = service.OccupantId,
            ServiceType = type.Length > PaidServiceRules.ServiceTypeMax ? type[..PaidServiceRules.ServiceTypeMax] : type,
            TypePhrase = phrase,
            Description = service.Description, Price = service.Fee, ServiceDate = estateTime.LocalDate(service.EstateId, now), StaffName = who,
            Signature = service.Signature, SignedAt = service.SignedAt, WitnessedBy = service.WitnessedBy, CreatedAt = now,
        };
        service.PaidService = paid;
        service.Status = ProxyServiceStatus.Done;
        service.DoneAt = now;
        service.DoneBy = who;
        // One save: the paid service and the link to it, or neither.
        return await MoveInResult.SaveAsync(db, id, ct);
    }
}
