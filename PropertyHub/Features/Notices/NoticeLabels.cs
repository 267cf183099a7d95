using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Notices;

public static class NoticeLabels
{
    public static string Of(this IStringLocalizer<NoticesText> t, NoticeStatus status) => t[$"Status_{status}"];

    public static string Of(this IStringLocalizer<NoticesText> t, NoticeChannel channel) => t[$"Channel_{channel}"];

    public static MudBlazor.Color ColorOf(NoticeStatus status) => status switch
    {
        NoticeStatus.Sent => MudBlazor.Color.Success,
        NoticeStatus.Failed => MudBlazor.Color.Error,
        NoticeStatus.Cancelled => MudBlazor.Color.Default,
        _ => MudBlazor.Color.Info,
    };
}
