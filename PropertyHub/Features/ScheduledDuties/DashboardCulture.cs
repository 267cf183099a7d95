using System.Globalization;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>
/// The Hangfire dashboard (/jobs) in the user's language where Hangfire has one. Hangfire reads its words from its own
/// resources in the request's UI culture, which the request localization has set from the user's culture cookie
/// (or browser). Hangfire.Core ships Chinese as "zh" (simplified) and "zh-TW" (traditional): zh-Hans falls back to
/// "zh" by itself, but zh-Hant would fall back to "zh" too, so traditional Chinese is asked for as zh-TW.
/// </summary>
public static class DashboardCulture
{
    /// <summary>The culture Hangfire is asked for, for the app's culture.</summary>
    public static CultureInfo For(CultureInfo culture) =>
        culture.Name.StartsWith("zh-Hant", StringComparison.OrdinalIgnoreCase) ? CultureInfo.GetCultureInfo("zh-TW") : culture;

    /// <summary>Wraps an endpoint so it runs in <see cref="For"/> the request's culture.</summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        var inner = endpoint.RequestDelegate ?? throw new InvalidOperationException("The dashboard endpoint has no request delegate.");
        endpoint.RequestDelegate = context =>
        {
            CultureInfo.CurrentCulture = For(CultureInfo.CurrentCulture);
            CultureInfo.CurrentUICulture = For(CultureInfo.CurrentUICulture);
            return inner(context);
        };
    }
}
