using PropertyHub.Features.Accounts.Access;
using Microsoft.AspNetCore.Authorization;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Fees.Books;

/// <summary>The fee books and reports (P1§7.5) and the semiannual statement (P1§7.6).</summary>
public static class BooksExtensions
{
    public static WebApplicationBuilder AddBooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DisclosureOptions>().BindConfiguration(DisclosureOptions.Section).ValidateDataAnnotations()
            .Validate(o => Cronos.CronExpression.TryParse(o.Cron, out _), "Disclosures:Cron is not a valid cron expression.").ValidateOnStart();
        services.AddScoped<FeeBooks>();
        services.AddScoped<FeeReportExport>();
        services.AddScoped<DisclosureDrafter>();
        services.AddScoped<DisclosureService>();
        services.AddSingleton<IScheduledDuty, DisclosureDuty>();
        services.AddSingleton(new DutyDescription(DisclosureDuty.DutyName, _ => []));
        return builder;
    }

    public static WebApplication MapBooks(this WebApplication app)
    {
        app.MapGet(FeeReportExport.Path, async (int? estate, string? month, FeeBooks books, FeeReportExport export, CancellationToken ct) =>
        {
            var estates = await books.EstatesAsync(ct);
            var estateId = estate ?? estates.FirstOrDefault()?.Id;
            if (estateId is null || estates.All(e => e.Id != estateId))
                return Results.NotFound();
            DateOnly period;
            if (month is null)
                period = books.CurrentMonth(estateId.Value);
            else if (!FeeReportExport.TryParseMonth(month, out period))
                return Results.BadRequest();
            var bytes = await export.ExportAsync(estateId.Value, period, ct);
            return bytes is null ? Results.NotFound()
                : Results.File(bytes, FeeReportExport.ContentType, $"fee-report-{FeeReportExport.MonthText(period)}.xlsx");
        }).RequireAuthorization(Can.SeeBooks);
        return app;
    }
}
