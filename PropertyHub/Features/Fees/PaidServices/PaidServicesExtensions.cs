namespace PropertyHub.Features.Fees.PaidServices;

public static class PaidServicesExtensions
{
    public static WebApplicationBuilder AddPaidServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PaidServiceService>();
        return builder;
    }
}
