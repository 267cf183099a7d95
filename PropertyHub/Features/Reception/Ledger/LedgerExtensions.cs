using PropertyHub.Features.Accounts.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Reception.Measures;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Resources;
using PropertyHub.Features.Settings;

namespace PropertyHub.Features.Reception.Ledger;

public static class LedgerExtensions
{
    public static IServiceCollection AddLedger(this IServiceCollection services)
    {
        services.AddScoped<LedgerFormat>();
        services.AddScoped<LedgerService>();
        services.AddScoped<LedgerReviewService>();
        services.AddScoped<MeasuresService>();
        return services;
    }

    public static WebApplication MapLedger(this WebApplication app)
    {
        app.MapGet("/reception/ledger.xlsx", async (string? from, string? to, int? estateId, LedgerService ledger, EstateTime time,
            TimeProvider clock, IStringLocalizer<LedgerText> text, CancellationToken ct) =>
        {
            estateId ??= await ledger.DefaultEstateAsync(ct);
            if (estateId is null)
                return Results.NotFound();
            var today = time.Today(estateId.Value);
            var first = today;
            var last = today;
            if ((from is not null && !LocalDays.TryParse(from, out first)) || (to is not null && !LocalDays.TryParse(to, out last)))
                return Results.BadRequest(text["ExportBadDate"].Value);
            if (from is null)
                first = last;
            if (to is null)
                last = first;
            if (last < first || last.DayNumber - first.DayNumber >= LedgerService.MaxDays)
                return Results.BadRequest(text["ExportBadRange", LedgerService.MaxDays].Value);
            var bytes = await ledger.ExportAsync(estateId.Value, first, last, ct);
            return Results.File(bytes, LedgerService.ContentType, $"ledger-{LocalDays.Format(first)}-{LocalDays.Format(last)}.xlsx");
        }).RequireAuthorization(Can.ReadLedger);
        return app;
    }
}
