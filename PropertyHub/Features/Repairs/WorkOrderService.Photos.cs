using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Files;

namespace PropertyHub.Features.Repairs;

/// <summary>One photo of a work order as its pages list it; the picture comes from the work order's endpoint.</summary>
public sealed record PhotoRow(int Id, Guid FileId, PhotoStage Stage, DateTimeOffset TakenAt, string TakenByName)
{
    public string Url(int workOrderId) => $"/repairs/{workOrderId}/photos/{FileId}";
}

public sealed partial class WorkOrderService
{
    public const int MaxPhotosPerStage = 10;

    /// <summary>
    /// The engineer's photo before or after the work, taken with his phone camera on his own visit while it is in
    /// progress. Only a picture (judged from its content by <see cref="FileIntake"/>) is taken.
    /// </summary>
    public async Task<RepairResult> AddPhotoAsync(int id, int version, PhotoStage stage, UploadedFile? photo, CancellationToken ct = default)
    {
        if (!await permissions.AllowsAsync(Can.WorkVisits, ct))
            return RepairResult.Invalid("", permissions.Refusal);
        if (stage is not (PhotoStage.Before or PhotoStage.After))
            return RepairResult.Invalid("Photo", text["ChoiceUnknown"]);
        if (photo is null || !FileKinds.Pictures.Contains(photo.Kind))
            return RepairResult.Invalid("Photo", text["PhotoNotPicture"]);
        return await StepAsync(id, version, null, ct, async (db, order, _, actor) =>
        {
            if (order.EngineerId != actor.UserId)
                return Refuse("", text["NotYourVisit"]);
            if (order.Status != WorkOrderStatus.InProgress)
                return NotAllowed(order);
            if (await db.WorkOrderPhotos.CountAsync(p => p.WorkOrderId == order.Id && p.Stage == stage, ct) >= MaxPhotosPerStage)
                return Refuse("Photo", text["TooManyPhotos", MaxPhotosPerStage]);
            AddPhoto(db, order, stage, photo, actor.Name, clock.GetUtcNow());
            return Entry(Say("Step.Photo", Word($"PhotoStage.{stage}"), photo.Name));
        });
    }

    /// <summary>The photo and its stored file, added to the order (new or tracked) and saved with the step.</summary>
    private static void AddPhoto(Data.AppDbContext db, WorkOrder order, PhotoStage stage, UploadedFile photo, string by, DateTimeOffset now)
    {
        var file = photo.ToStoredFile(by, now);
        db.StoredFiles.Add(file);
        order.Photos.Add(new WorkOrderPhoto { Stage = stage, FileId = file.Id, File = file, TakenAt = now, TakenByName = by });
    }

    /// <summary>The photos of a work order, for staff who may see work orders: when taken, by whom, in order.</summary>
    public async Task<IReadOnlyList<PhotoRow>> PhotosAsync(int workOrderId, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RaiseWorkOrders, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.WorkOrderPhotos.AsNoTracking().Where(p => p.WorkOrderId == workOrderId).OrderBy(p => p.Id)
            .Select(p => new PhotoRow(p.Id, p.FileId, p.Stage, p.TakenAt, p.TakenByName)).ToListAsync(ct);
    }

    /// <summary>
    /// Sends a work order's photo to staff who may see work orders; not found when the file is not that work order's
    /// (a guessed or another record's file id serves nothing).
    /// </summary>
    public async Task<IResult> SendPhotoAsync(int workOrderId, Guid fileId, HttpContext http, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.RaiseWorkOrders, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.WorkOrderPhotos.AnyAsync(p => p.WorkOrderId == workOrderId && p.FileId == fileId, ct))
            return Results.NotFound();
        return await StoredFileResults.SendAsync(db, http, fileId, download: false, ct);
    }
}
