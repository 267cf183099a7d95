using System.Globalization;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.Repairs.Measures;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Repairs;

/// <summary>Repairs and visits to units (SPEC §3, P4): work orders, appointments, acceptance and the follow-up call.</summary>
public static class RepairsExtensions
{
    public static WebApplicationBuilder AddRepairs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RepairsOptions>().BindConfiguration(RepairsOptions.Section).ValidateDataAnnotations()
            .Validate(o => Cronos.CronExpression.TryParse(o.ReminderCron, out _), "Repairs:ReminderCron is not a valid cron expression.").ValidateOnStart();
        services.AddScoped<WorkOrderService>();
        services.AddScoped<AppointmentNotices>();
        services.AddScoped<AppointmentReminders>();
        services.AddScoped<RepairLinks>();
        services.AddScoped<RepairMeasuresExport>();
        services.AddScoped<FundCharges.WorkOrderFundCharges>();
        services.AddSingleton<IScheduledDuty, AppointmentReminderDuty>();
        services.AddSingleton(new DutyDescription(AppointmentReminderDuty.DutyName, _ => []));
        return builder;
    }

    /// <summary>A work order's photos, only to staff who may see work orders, and only the files that are that order's.</summary>
    public static WebApplication MapRepairs(this WebApplication app)
    {
        // The file's id is parsed here, not by a route constraint: a malformed id is refused like any other.
        app.MapGet("/repairs/{id:int}/photos/{fileId}", async (int id, string fileId, HttpContext http, WorkOrderService orders, CancellationToken ct) =>
            Guid.TryParse(fileId, out var file) ? await orders.SendPhotoAsync(id, file, http, ct) : Results.NotFound())
            .RequireAuthorization(Can.RaiseWorkOrders);
        // The measures as a workbook, for the dates the page shows; dates that do not read are refused.
        app.MapGet("/repairs/measures/export", async (string? from, string? to, WorkOrderService orders, RepairMeasuresExport export, CancellationToken ct) =>
        {
            if (Day(from) is not { } first || Day(to) is not { } last || await orders.DefaultEstateIdAsync(ct) is not { } estate)
                return Results.BadRequest();
            var (bytes, name) = await export.ExportAsync(estate, first, last, ct);
            return Results.File(bytes, RepairMeasuresExport.ContentType, name);
        }).RequireAuthorization(Can.SeeRepairMeasures);
        return app;
    }

    /// <summary>A day as the date fields give it (yyyy-MM-dd), or null.</summary>
    internal static DateOnly? Day(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
