using Microsoft.Extensions.Options;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Fees;

public static class FeesExtensions
{
    public static WebApplicationBuilder AddFees(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PaymentRequestOptions>().BindConfiguration(PaymentRequestOptions.Section).ValidateDataAnnotations()
            .Validate(o => Cronos.CronExpression.TryParse(o.Cron, out _), "PaymentRequests:Cron is not a valid cron expression.").ValidateOnStart();
        services.AddOptions<Counter.ReceiptOptions>().BindConfiguration(Counter.ReceiptOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<FeeService>();
        services.AddScoped<DemoFees>();
        services.AddScoped<PaymentService>();
        services.AddScoped<PaymentRequestNotices>();
        services.AddScoped<PaymentRequestIssuer>();
        services.AddScoped<PaymentRequestViews>();
        services.AddSingleton<IScheduledDuty, PaymentRequestDuty>();
        services.AddSingleton(new DutyDescription(PaymentRequestDuty.DutyName,
            sp => [sp.GetRequiredService<IOptions<PaymentRequestOptions>>().Value.DueDay]));
        return builder;
    }
}
