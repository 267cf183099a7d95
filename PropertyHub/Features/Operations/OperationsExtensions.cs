using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PropertyHub.Data;

namespace PropertyHub.Features.Operations;

public static class OperationsExtensions
{
    public static WebApplicationBuilder AddOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<HangfireHealthCheck>("hangfire", tags: ["ready"]);
        builder.Services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.IsValid, $"{ProxyOptions.Section}:KnownProxies takes IP addresses (172.30.0.10), KnownNetworks CIDR networks (10.1.0.0/16)")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((o, proxies) => proxies.Value.ApplyTo(o));
        builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        builder.AddTelemetry();
        // SecurityHeaders sends X-Frame-Options: DENY; antiforgery would add a second, weaker SAMEORIGIN.
        builder.Services.AddAntiforgery(o =>
        {
            o.SuppressXFrameOptionsHeader = true;
            // Sent over HTTPS only, as the sign-in cookie is, wherever the app is deployed (not in Development or tests).
            o.Cookie.SecurePolicy = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
                ? CookieSecurePolicy.SameAsRequest
                : CookieSecurePolicy.Always;
        });
        return builder;
    }

    /// <summary>
    /// Metrics of ASP.NET Core, EF Core and the product's own <see cref="Telemetry"/> meter, scraped at /metrics. Traces
    /// (requests, EF Core commands, duty runs) and the OTLP export only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set:
    /// nobody would read them otherwise.
    /// </summary>
    private static void AddTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section)
            .Validate(o => o.IsValid, $"Operations:MetricsToken needs {OperationsOptions.MinTokenLength} characters or more").ValidateOnStart();
        builder.Services.AddSingleton<IAuthorizationHandler, MetricsReaderHandler>();
        builder.Services.AddAuthorizationBuilder().AddPolicy(MetricsReader.Policy, p => p.AddRequirements(new MetricsReader()));
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(Telemetry.Name))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter("Microsoft.EntityFrameworkCore")
                .AddMeter(Telemetry.Name)
                // Each scrape reads the instruments afresh: scrapers come every few seconds at most.
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry
                .WithTracing(t => t.AddAspNetCoreInstrumentation().AddEntityFrameworkCoreInstrumentation().AddSource(Telemetry.Name))
                .UseOtlpExporter();
        }
    }

    /// <summary>The front of the pipeline: proxies (only those configured, see <see cref="ProxyOptions"/>), HTTPS, error page, security headers.</summary>
    public static WebApplication UseOperations(this WebApplication app)
    {
        // Without a configured proxy no forwarded header is read at all (the middleware would believe one sent by a
        // client whenever the server reports no connection address).
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.Any)
            app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }

    /// <summary>
    /// Probes for orchestrators: anonymous, and they say only Healthy/Degraded/Unhealthy. Metrics in Prometheus text
    /// for an Admin or the scraper's token (<see cref="MetricsReaderHandler"/>).
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteStatusesAsync }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(MetricsReader.Policy);
        return app;
    }

    // Names and statuses only: no exception text, no connection strings.
    private static Task WriteStatusesAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        });
}
