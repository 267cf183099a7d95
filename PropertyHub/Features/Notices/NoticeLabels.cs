using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Notices;

public static class NoticeLabels
{
    public static string Of(this IStringLocalizer<NoticesText> t, NoticeStatus status) => t[$"Status_{status}"];

    public static string Of(this IStringLocalizer<NoticesText> t, NoticeChannel channel) => t[$"Channel_{channel}"];

    /// <summary>A notice's kind in words ("payment request"); a kind without a label shows its code.</summary>
    public static string KindOf(this IStringLocalizer<NoticesText> t, string kind)
    {
        var label = t[$"Kind_{kind}"];
        return label.ResourceNotFound ? kind : label.Value;
    }

    /// <summary>One line saying why the notice's last delivery failed, naming its channel's server or gateway; null without an error.</summary>
    public static string? FailureOf(this IStringLocalizer<NoticesText> t, Notice notice)
    {
        if (NoticeFailures.Classify(notice.LastError) is not { } failure)
            return null;
        var line = string.Format(t[$"Failure_{failure}"], t[notice.Channel == NoticeChannel.Sms ? "Gateway_Sms" : "Gateway_Email"]);
        // "the SMS gateway did not answer …" starts a sentence.
        return line.Length > 0 ? char.ToUpper(line[0], System.Globalization.CultureInfo.CurrentCulture) + line[1..] : line;
    }

    public static MudBlazor.Color ColorOf(NoticeStatus status) => status switch
    {
        NoticeStatus.Sent => MudBlazor.Color.Success,
        NoticeStatus.Failed => MudBlazor.Color.Error,
        NoticeStatus.Cancelled => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Info,
    };
}
