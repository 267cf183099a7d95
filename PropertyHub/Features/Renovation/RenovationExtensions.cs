using PropertyHub.Features.Accounts.Access;
using PropertyHub.Features.ScheduledDuties;

namespace PropertyHub.Features.Renovation;

public static class RenovationExtensions
{
    public static WebApplicationBuilder AddRenovation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RenovationOptions>().BindConfiguration(RenovationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<RenovationService>();
        builder.Services.AddScoped<WorkerPassService>();
        builder.Services.AddScoped<RenovationCompletionService>();
        builder.Services.AddScoped<RenovationAlerts>();
        builder.Services.AddScoped<RenovationLinks>();
        builder.Services.AddOptions<RenovationDutyOptions>().BindConfiguration(RenovationDutyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IScheduledDuty, RenovationDuty>();
        builder.Services.AddSingleton(new DutyDescription(RenovationDuty.DutyName, _ => []));
        return builder;
    }

    /// <summary>A renovation's papers (drawings, qualification copies), only to those who may see renovations.</summary>
    public static WebApplication MapRenovation(this WebApplication app)
    {
        // The file's id is parsed here, not by a route constraint: a malformed id is then refused like any other to
        // those who may not see renovations, and not found for those who may.
        app.MapGet("/renovations/{id:int}/files/{fileId}", async (int id, string fileId, HttpContext http, RenovationService renovations, CancellationToken ct) =>
            Guid.TryParse(fileId, out var file) ? await renovations.SendDocumentAsync(id, file, http, ct) : Results.NotFound())
            .RequireAuthorization(Can.SeeRenovations);
        app.MapGet("/renovations/passes/{passId:int}/photo", (int passId, HttpContext http, WorkerPassService passes, CancellationToken ct) =>
            passes.SendPhotoAsync(passId, http, ct)).RequireAuthorization(Can.CheckPasses);
        return app;
    }
}
