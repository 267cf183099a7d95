using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Notices;

public static class NoticesExtensions
{
    public static WebApplicationBuilder AddNotices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmsOptions>().BindConfiguration(SmsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // The gateway's own timeout (Sms:TimeoutSeconds) decides; HttpClient's default must not cut it short.
        services.AddHttpClient(SmsSender.ClientName, c => c.Timeout = Timeout.InfiniteTimeSpan);
        services.AddScoped<INoticeSender, EmailSender>();
        services.AddScoped<INoticeSender, SmsSender>();
        services.AddScoped<NoticeDelivery>();
        // Listed on the duties page as a job without periods.
        services.AddSingleton(new ScheduledDuties.RecurringJobInfo(NoticeDelivery.JobId, NoticeDelivery.Cron));
        services.AddScoped<NoticeService>();
        services.AddSingleton<NoticeLinks>();
        if (builder.Configuration.GetValue($"{ScheduledDutiesOptions.Section}:{nameof(ScheduledDutiesOptions.Enabled)}", true))
            services.AddHostedService<NoticeScheduler>();
        return builder;
    }
}
