using System.Globalization;
using Microsoft.Extensions.Localization;
using PropertyHub.Resources;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Reception.Ledger;

/// <summary>Ledger and measures values in the user's language and the estate's time zone.</summary>
public sealed class LedgerFormat(IStringLocalizer<LedgerText> text, IStringLocalizer<ReceptionText> labels, EstateTime time)
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm";

    public string Kind(RequestKind kind) => labels.Label(kind);
    public string Channel(Channel channel) => labels.Label(channel);
    /// <summary>Null: customer service still holds the item.</summary>
    public string Department(Department? department) => labels.Label(department ?? Reception.Department.CustomerService);

    public string Time(int estateId, DateTimeOffset utc) => time.ToLocal(estateId, utc).ToString(TimeFormat, CultureInfo.InvariantCulture);
    public string ShortTime(int estateId, DateTimeOffset utc) => time.ToLocal(estateId, utc).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string Reply(int estateId, LedgerRow row) => row.RepliedAt is { } at
        ? row.RepliedLate ? text["RepliedLateAt", Time(estateId, at)] : Time(estateId, at)
        : "";

    /// <summary>The handling column: how the contact was taken, whether it was raised, and whether it was replied.</summary>
    public string Handling(int estateId, LedgerHandling h)
    {
        var parts = new List<string>();
        if (h.AnsweredNow)
            parts.Add(text["HandlingAnsweredNow"]);
        else if (h.Kind == RequestKind.Message && !string.IsNullOrEmpty(h.ForColleague))
            parts.Add(text["HandlingMessageFor", h.ForColleague]);
        if (h.TransferredTo is { } department)
            parts.Add(text["HandlingTransferredTo", Department(department)]);
        if (!h.AnsweredNow && h.AgreedReplyAt is { } agreed)
            parts.Add(text["HandlingAgreedReplyAt", ShortTime(estateId, agreed)]);
        if (parts.Count == 0)
            parts.Add(text["HandlingLogged"]);
        if (h.Level != EscalationLevel.None)
            parts.Add(text["HandlingEscalated" + h.Level]);
        if (!h.AnsweredNow && h.RepliedAt is not null)
            parts.Add(text["HandlingReplied"]);
        else if (h.RepliedAt is null && h.Status == RequestStatus.Closed)
            parts.Add(h.CloseReason is { } why ? text["HandlingClosedBecause", labels.Label(why)] : text["HandlingClosedWithoutReply"]);
        return string.Join(text["HandlingSeparator"], parts);
    }

    public string Duration(TimeSpan? span)
    {
        if (span is not { } s)
            return "—";
        return s.TotalDays >= 1
            ? text["DurationDays", (int)s.TotalDays, s.Hours, s.Minutes]
            : text["DurationHours", (int)s.TotalHours, s.Minutes];
    }

    public static string Percent(double? share) => share is { } s ? (s * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";
}
