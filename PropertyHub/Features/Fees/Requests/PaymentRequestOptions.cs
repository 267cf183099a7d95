using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Fees.Requests;

public sealed class PaymentRequestOptions
{
    public const string Section = "PaymentRequests";

    /// <summary>When the requests go out, in estate time: the 15th of every month at 09:00 (P1§7.3).</summary>
    [Required]
    public string Cron { get; set; } = "0 9 15 * *";

    /// <summary>Day of the month the request is due (the 20th).</summary>
    [Range(1, 28)]
    public int DueDay { get; set; } = 20;

    /// <summary>
    /// Days the payer has at least, counted from the estate date the request is issued: a request issued late (the
    /// app was down on the 15th) is due this many days after it went out, never on a date already past.
    /// </summary>
    [Range(0, 60)]
    public int MinDaysToPay { get; set; } = 5;

    /// <summary>Days the occupant's link to view the request stays open.</summary>
    [Range(1, 366)]
    public int LinkDays { get; set; } = 90;

    /// <summary>
    /// Units read at a time, and the most billed in one transaction while nobody is saving: memory stays flat however many units there are, and few commits are needed (see
    /// bench/PaymentRequestRun). On SQLite a transaction commits early as soon as a person's save waits for it.
    /// </summary>
    [Range(1, 5000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Units billed per transaction while people are saving (one of them waited for the run in the last two seconds),
    /// each transaction after their saves under way: on SQLite a clerk's save waits for at most one such transaction.
    /// </summary>
    [Range(1, 5000)]
    public int BatchSizeWhileBusy { get; set; } = 5;
}
