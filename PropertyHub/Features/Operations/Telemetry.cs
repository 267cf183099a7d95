using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PropertyHub.Features.Operations;

/// <summary>
/// The product's own instruments, beside ASP.NET Core's and EF Core's: scraped at /metrics, and duty runs traced when
/// an OTLP endpoint is configured. Static, like the framework's own meters, so the code that counts needs no service.
/// </summary>
public static class Telemetry
{
    public const string Name = "PropertyHub";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Tags: duty, outcome (ran, already_done, in_progress_elsewhere, failed).</summary>
    public static readonly Counter<long> DutyRuns = Meter.CreateCounter<long>("propertyhub.duty.runs", "{run}", "Scheduled duty runs, by duty and outcome");

    /// <summary>Tag: channel (Email, Sms).</summary>
    public static readonly Counter<long> NoticesSent = Meter.CreateCounter<long>("propertyhub.notices.sent", "{notice}", "Notices sent, by channel");

    /// <summary>Tag: channel. Every failed attempt counts, the ones retried later too.</summary>
    public static readonly Counter<long> NoticesFailed = Meter.CreateCounter<long>("propertyhub.notices.failed", "{attempt}", "Notice send attempts that failed, by channel");

    /// <summary>Tag: kind (Created, Changed, Escalated, Closed).</summary>
    public static readonly Counter<long> QueueEvents = Meter.CreateCounter<long>("propertyhub.queue.events", "{event}", "Work-queue events published, by kind");

    public static void CountQueueEvent(Reception.WorkQueueEventKind kind) => QueueEvents.Add(1, new KeyValuePair<string, object?>("kind", kind.ToString()));
}
