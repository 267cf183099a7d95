using System.Threading.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Resources;

namespace PropertyHub.Features.PersonalLinks;

public static class PersonalLinksExtensions
{
    /// <summary>The rate-limiting policy on every page a personal link opens.</summary>
    public const string RatePolicy = "personal-link";

    public static WebApplicationBuilder AddPersonalLinks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<PersonalLinkOptions>().BindConfiguration(PersonalLinkOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<PersonalLinkService>();
        services.AddScoped<OccupantLinks>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Guessing links is slowed per client address; staff pages are not limited.
            limiter.AddPolicy(RatePolicy, context =>
            {
                var permits = context.RequestServices.GetRequiredService<IOptions<PersonalLinkOptions>>().Value.PermitsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.OnRejected = async (rejected, ct) =>
            {
                var text = rejected.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<LinksText>>();
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await rejected.HttpContext.Response.WriteAsync(text["TooManyRequests"], ct);
            };
        });
        return builder;
    }

    public static WebApplication UsePersonalLinks(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }
}
