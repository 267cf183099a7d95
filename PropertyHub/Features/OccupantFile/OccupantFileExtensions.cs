using Microsoft.AspNetCore.Diagnostics;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.OccupantFile.Titles;
using PropertyHub.Features.OccupantFile.Vip;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.OccupantFile;

public static class OccupantFileExtensions
{
    /// <summary>One file per occupant (一戶一檔): documents on file, title records and ownership history; VIP service and its review duty.</summary>
    public static WebApplicationBuilder AddOccupantFile(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TitleOptions>().BindConfiguration(TitleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<OccupantDocuments>();
        builder.Services.AddScoped<DocumentScans>();
        builder.Services.AddScoped<DocumentReports>();
        builder.Services.AddScoped<DocumentKinds>();
        builder.Services.AddScoped<TitleService>();
        builder.Services.AddScoped<VipService>();
        builder.Services.AddScoped<Timeline.OccupantTimeline>();
        builder.Services.AddScoped<VipReviewReminders>();
        builder.Services.AddSingleton<IScheduledDuty, VipReviewDuty>();
        builder.Services.AddSingleton(new DutyDescription(VipReviewDuty.DutyName, _ => []));
        return builder;
    }

    /// <summary>
    /// A scan's link that serves no scan (a restricted paper: 403; no such paper or scan: 404) answers with the app's own
    /// page in the reader's language, the status code kept: the request is re-executed to <see cref="ScanRefusedPage"/>
    /// (on the app's own routes: a branched pipeline would have none). Only the scan links: for every other request the
    /// status code pages are switched off at once, so every other answer stays as it is.
    /// </summary>
    public static WebApplication UseOccupantFile(this WebApplication app)
    {
        app.UseStatusCodePagesWithReExecute(ScanRefusedPage.PathFormat, queryFormat: null, createScopeForStatusCodePages: true);
        app.Use((http, next) =>
        {
            if (!IsScanLink(http.Request.Path) && http.Features.Get<IStatusCodePagesFeature>() is { } pages)
                pages.Enabled = false;
            return next(http);
        });
        return app;
    }

    private static bool IsScanLink(PathString path) =>
        path.StartsWithSegments("/occupant-documents") && path.Value!.EndsWith("/scan", StringComparison.OrdinalIgnoreCase);

    /// <summary>A paper's scan, by the paper's id only (never by the file's): the service checks access and records the opening.</summary>
    public static WebApplication MapOccupantFile(this WebApplication app)
    {
        // No route constraint: a malformed id is answered after the policy, like any other, with 404.
        app.MapGet("/occupant-documents/{id}/scan", async (string id, bool? download, HttpContext http, DocumentScans scans, CancellationToken ct) =>
            int.TryParse(id, out var documentId) ? await scans.SendAsync(http, documentId, download == true, ct) : Results.NotFound())
            .RequireAuthorization(Can.KeepOccupantDocuments);
        return app;
    }
}
