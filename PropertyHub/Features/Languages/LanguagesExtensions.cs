using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace PropertyHub.Features.Languages;

public static class LanguagesExtensions
{
    public static WebApplicationBuilder AddLanguages(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LanguagesOptions>().BindConfiguration(LanguagesOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddLocalization();
        builder.Services.AddTransient<MudLocalizer, MudTranslations>();
        builder.Services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<LanguagesOptions>>((o, languages) =>
        {
            o.SetDefaultCulture(languages.Value.DefaultCulture);
            o.AddSupportedCultures([.. Cultures.All]);
            o.AddSupportedUICultures([.. Cultures.All]);
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // Cookie (the switcher) first, then the browser's Accept-Language.
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return builder;
    }

    /// <summary>
    /// The switcher's target: sets the culture cookie and goes back where the user was. A signed-in user's choice is
    /// kept on their user too, so every browser they sign in on speaks it (see <see cref="RememberCulture"/>).
    /// </summary>
    public static WebApplication MapLanguages(this WebApplication app)
    {
        app.MapGet("/culture", async (string culture, string? redirectUri, HttpContext http) =>
        {
            if (!Cultures.All.Contains(culture))
                return Results.BadRequest();
            RememberCulture(http, culture);
            if (http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId)
            {
                var users = http.RequestServices.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Accounts.AppUser>>();
                if (await users.FindByIdAsync(userId) is { } user && user.Language != culture)
                {
                    user.Language = culture;
                    await users.UpdateAsync(user);
                }
            }
            var target = string.IsNullOrEmpty(redirectUri) || !Uri.IsWellFormedUriString(redirectUri, UriKind.Relative) || redirectUri.StartsWith("//") ? "/" : redirectUri;
            return Results.LocalRedirect("~" + (target.StartsWith('/') ? target : "/" + target));
        }).AllowAnonymous();
        return app;
    }

    /// <summary>Sets the culture cookie the request localization reads first.</summary>
    public static void RememberCulture(HttpContext http, string culture) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps });
}
