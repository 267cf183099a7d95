using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Reception;

/// <summary>Reception's enum values in the user's language, one place for every page (ReceptionText keys "Kind.Complaint" …).</summary>
public static class ReceptionLabels
{
    public static string Label(this IStringLocalizer<ReceptionText> text, RequestKind kind) => text["Kind." + kind];

    public static string Label(this IStringLocalizer<ReceptionText> text, Channel channel) => text["Channel." + channel];

    public static string Label(this IStringLocalizer<ReceptionText> text, Department department) => text["Department." + department];

    public static string Label(this IStringLocalizer<ReceptionText> text, EscalationLevel level) => text["Level." + level];

    public static string Label(this IStringLocalizer<ReceptionText> text, TimelineKind kind) => text["Timeline." + kind];

    public static string Label(this IStringLocalizer<ReceptionText> text, RequestStatus status) => text["Status." + status];

    public static string Label(this IStringLocalizer<ReceptionText> text, CloseReason reason) => text["CloseReason." + reason];

    public static string Label(this IStringLocalizer<ReceptionText> text, IntakeOutcome outcome) => text["Outcome." + outcome];

    public static string Label(this IStringLocalizer<ReceptionText> text, KnowledgeCategory category) => text["Category." + category];
}
