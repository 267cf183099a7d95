using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Reception.Queue;

/// <summary>Reception's enum values in the user's language (QueueText keys "Kind.Complaint" ...).</summary>
public static class QueueLabels
{
    public static string Label(this IStringLocalizer<QueueText> text, RequestKind kind) => text["Kind." + kind];

    public static string Label(this IStringLocalizer<QueueText> text, Channel channel) => text["Channel." + channel];

    public static string Label(this IStringLocalizer<QueueText> text, Department department) => text["Department." + department];

    public static string Label(this IStringLocalizer<QueueText> text, EscalationLevel level) => text["Level." + level];

    public static string Label(this IStringLocalizer<QueueText> text, TimelineKind kind) => text["Timeline." + kind];

    public static string Label(this IStringLocalizer<QueueText> text, RequestStatus status) => text["Status." + status];
}
