using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Operations;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Notices;

/// <summary>
/// The delivery duty: sends the e-mail and SMS notices that are due, in batches through the (Status, NextAttemptAt)
/// index. Each notice is first claimed against its version (its next attempt moved out by a lease), so two
/// deliveries running at once never send one notice twice; then it is sent and recorded as sent, or its failure is
/// recorded with a back-off of 1, 2, 4 … minutes (at most an hour), and after <see cref="MaxAttempts"/> it fails for good.
/// </summary>
public sealed class NoticeDelivery(
    IDbContextFactory<AppDbContext> dbFactory,
    IEnumerable<INoticeSender> senders,
    Permissions permissions,
    TimeProvider clock,
    ILogger<NoticeDelivery> logger)
{
    public const string JobId = "notice-delivery";
    public static readonly string Cron = Hangfire.Cron.Minutely();
    public const int MaxAttempts = 8;
    public const int DefaultBatchSize = 100;

    /// <summary>How long a claimed notice is held by one delivery before another may take it (a crash half-way).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(10);

    private static readonly NoticeChannel[] Delivered = [NoticeChannel.Email, NoticeChannel.Sms];

    public int BatchSize { get; init; } = DefaultBatchSize;

    public static TimeSpan BackOff(int attempts) => TimeSpan.FromMinutes(Math.Min(60, Math.Pow(2, Math.Max(0, attempts - 1))));

    /// <summary>Hangfire's entry point.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await DeliverDueAsync(cancellationToken);
        if (result.Sent + result.Failed > 0)
            logger.LogInformation("Notice delivery sent {Sent} notices, {Failed} failed", result.Sent, result.Failed);
    }

    public async Task<DeliveryResult> DeliverDueAsync(CancellationToken cancellationToken = default)
    {
        await permissions.DemandAsync(Can.DeliverNotices, cancellationToken);
        var sent = 0;
        var failed = 0;
        var now = clock.GetUtcNow();
        while (true)
        {
            List<Notice> batch;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                batch = await db.Notices.AsNoTracking()
                    .Where(n => n.Status == NoticeStatus.Pending && n.NextAttemptAt != null && n.NextAttemptAt <= now && Delivered.Contains(n.Channel))
                    .OrderBy(n => n.NextAttemptAt).ThenBy(n => n.Id)
                    .Take(BatchSize).ToListAsync(cancellationToken);
            }
            foreach (var notice in batch)
            {
                switch (await DeliverAsync(notice, now, cancellationToken))
                {
                    case true: sent++; break;
                    case false: failed++; break;
                }
            }
            // Claimed notices leave the work list (their next attempt moved past now), so the next query moves on.
            if (batch.Count < BatchSize)
                return new DeliveryResult(sent, failed);
        }
    }

    /// <summary>True when sent, false when it failed, null when another delivery claimed it first.</summary>
    private async Task<bool?> DeliverAsync(Notice notice, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.Notices.Attach(notice);
        notice.NextAttemptAt = now + ClaimLease;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogDebug("Notice {NoticeId} skipped: claimed by another delivery", notice.Id);
            return null;
        }

        Exception? error = null;
        try
        {
            var sender = senders.FirstOrDefault(s => s.Channel == notice.Channel)
                ?? throw new InvalidOperationException($"No sender for channel {notice.Channel}.");
            await sender.SendAsync(notice, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            error = ex;
        }

        notice.Attempts++;
        var channel = new KeyValuePair<string, object?>("channel", notice.Channel.ToString());
        if (error is null)
        {
            Telemetry.NoticesSent.Add(1, channel);
            notice.Status = NoticeStatus.Sent;
            notice.SentAt = clock.GetUtcNow();
            notice.NextAttemptAt = null;
            // Its channel no longer needs the link: the token now lives only with its reader.
            notice.SealedLink = null;
        }
        else
        {
            Telemetry.NoticesFailed.Add(1, channel);
            notice.LastError = Truncate($"{error.GetType().Name}: {error.Message}", 1000);
            if (notice.Attempts >= MaxAttempts)
            {
                notice.Status = NoticeStatus.Failed;
                notice.NextAttemptAt = null;
            }
            else
            {
                notice.NextAttemptAt = now + BackOff(notice.Attempts);
            }
            logger.LogWarning("Notice {NoticeId} through {Channel} failed on attempt {Attempt}: {ErrorType}", notice.Id, notice.Channel, notice.Attempts, error.GetType().Name);
        }
        // Saved against the claim's version: nobody else may take a claimed notice while the lease runs.
        await db.SaveChangesAsync(CancellationToken.None);
        return error is null;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

public sealed record DeliveryResult(int Sent, int Failed);
