using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Reception.IntakeDesk;

/// <summary>Reception's enum values in the user's language (ReceptionText keys "Kind.X", "Channel.X" ...).</summary>
public static class DeskLabels
{
    public static string LabelOf(this IStringLocalizer<ReceptionText> text, RequestKind kind) => text["Kind." + kind];

    public static string LabelOf(this IStringLocalizer<ReceptionText> text, Channel channel) => text["Channel." + channel];

    public static string LabelOf(this IStringLocalizer<ReceptionText> text, Department department) => text["Department." + department];

    public static string LabelOf(this IStringLocalizer<ReceptionText> text, IntakeOutcome outcome) => text["Outcome." + outcome];

    public static string LabelOf(this IStringLocalizer<ReceptionText> text, KnowledgeCategory category) => text["Category." + category];
}
