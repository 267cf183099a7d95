using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PropertyHub.Features.Reception.Live;

public static class LiveQueueExtensions
{
    /// <summary>
    /// The work-queue bus (Redis when Redis:Connection is set, else the in-memory one registered by AddReception)
    /// and the <see cref="QueueHub"/> that republishes its events.
    /// </summary>
    public static WebApplicationBuilder AddLiveQueue(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.Section);
        if (!string.IsNullOrWhiteSpace(builder.Configuration[$"{RedisOptions.Section}:{nameof(RedisOptions.Connection)}"]))
        {
            services.AddSingleton<RedisWorkQueueEvents>();
            services.Replace(ServiceDescriptor.Singleton<IWorkQueueEvents>(sp => sp.GetRequiredService<RedisWorkQueueEvents>()));
            services.AddHostedService(sp => sp.GetRequiredService<RedisWorkQueueEvents>());
        }
        // Enums by name for JavaScript clients ("Created", "Complaint"); Blazor's own hub speaks its binary protocol.
        services.AddSignalR().AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddHostedService<QueueHubBroadcaster>();
        services.AddSingleton<QueueHubConnections>();
        // A hub client without a valid cookie gets 401/403, not a redirect to the sign-in page.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var toLogin = o.Events.OnRedirectToLogin;
            var toDenied = o.Events.OnRedirectToAccessDenied;
            o.Events.OnRedirectToLogin = context => IsHub(context.Request) ? Status(context, StatusCodes.Status401Unauthorized) : toLogin(context);
            o.Events.OnRedirectToAccessDenied = context => IsHub(context.Request) ? Status(context, StatusCodes.Status403Forbidden) : toDenied(context);
        });
        return builder;
    }

    public static WebApplication MapLiveQueue(this WebApplication app)
    {
        app.MapHub<QueueHub>(QueueHub.Path);
        return app;
    }

    private static bool IsHub(HttpRequest request) => request.Path.StartsWithSegments("/hubs");

    private static Task Status(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
