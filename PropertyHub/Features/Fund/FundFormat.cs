using System.Globalization;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Settings;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fund;

/// <summary>How a ledger line's kind and state read on the pages.</summary>
public static class FundFormat
{
    public static string What(IStringLocalizer<FundText> text, FundEntryRow row) =>
        row.Kind == FundEntryKind.Receipt ? text[$"Source_{row.Source}"]
        // Only an adjustment recorded from the reconciliation (or its reversal) is spent without a usage item.
        : row.UsageItem is { } item ? text[$"Usage_{item}"] : text["AdjustmentUsage"];

    /// <summary>An amount in messages: "1,234.56", "-80.00".</summary>
    public static string Amount(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>The building and/or common part an expenditure names ("3号楼 · 屋面"), or null when it names none.</summary>
    public static string? Place(FundEntryRow row) =>
        row.Building is null && row.CommonPart is null ? null : string.Join(" · ", new[] { row.Building, row.CommonPart }.Where(p => p is not null));

    /// <summary>A moment as the estate's clock read it: "2026-12-06 06:19" (stored in UTC; the pages show estate time, like the rest of the app).</summary>
    public static string Time(EstateTime time, int estateId, DateTimeOffset at) =>
        time.ToLocal(estateId, at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The estate's calendar day of a moment: "2026-12-06".</summary>
    public static string Day(EstateTime time, int estateId, DateTimeOffset at) =>
        time.LocalDate(estateId, at).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A line's state in one: "Paid · ZJ2026-0012".</summary>
    public static string Status(IStringLocalizer<FundText> text, FundEntryRow row) =>
        StatusDetail(text, row) is { } detail ? StatusHeadline(text, row) + " · " + detail : StatusHeadline(text, row);

    /// <summary>The state alone ("Paid", "Reversal"), for the first line of a narrow cell.</summary>
    public static string StatusHeadline(IStringLocalizer<FundText> text, FundEntryRow row) =>
        row.ReversalOfId is not null ? text["IsReversal"] : text[$"Status_{row.Status}"];

    /// <summary>What follows the state ("reversed" or the bank list's number), for a second line; null when nothing does.</summary>
    public static string? StatusDetail(IStringLocalizer<FundText> text, FundEntryRow row) =>
        row.ReversalOfId is not null ? null : row.Reversed ? text["WasReversed"] : row.BankListNumber;
}
