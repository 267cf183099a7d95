using System.Globalization;
using Microsoft.Extensions.Localization;
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

    public static string Status(IStringLocalizer<FundText> text, FundEntryRow row)
    {
        var status = text[$"Status_{row.Status}"].Value;
        if (row.ReversalOfId is not null)
            return text["IsReversal"];
        if (row.Reversed)
            return status + " · " + text["WasReversed"];
        return row.BankListNumber is { } number ? status + " · " + number : status;
    }
}
