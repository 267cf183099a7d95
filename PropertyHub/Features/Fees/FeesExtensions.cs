namespace PropertyHub.Features.Fees;

public static class FeesExtensions
{
    public static WebApplicationBuilder AddFees(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<FeeService>();
        builder.Services.AddScoped<DemoFees>();
        builder.Services.AddScoped<PaymentService>();
        return builder;
    }
}
