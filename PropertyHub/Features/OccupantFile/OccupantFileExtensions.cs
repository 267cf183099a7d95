using PropertyHub.Features.OccupantFile.Titles;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.OccupantFile;

public static class OccupantFileExtensions
{
    /// <summary>One file per occupant (一戶一檔): title records and ownership history; VIP service and its review duty.</summary>
    public static WebApplicationBuilder AddOccupantFile(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TitleOptions>().BindConfiguration(TitleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<TitleService>();
        builder.Services.AddScoped<VipService>();
        builder.Services.AddScoped<Timeline.OccupantTimeline>();
        builder.Services.AddScoped<VipReviewReminders>();
        builder.Services.AddSingleton<IScheduledDuty, VipReviewDuty>();
        builder.Services.AddSingleton(new DutyDescription(VipReviewDuty.DutyName, _ => []));
        return builder;
    }
}
