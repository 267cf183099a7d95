using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Renovation;

public static class RenovationExtensions
{
    public static WebApplicationBuilder AddRenovation(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<RenovationOptions>().BindConfiguration(RenovationOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<RenovationService>();
        builder.Services.AddScoped<WorkerPassService>();
        return builder;
    }

    /// <summary>A renovation's papers (drawings, qualification copies), only to those who may see renovations.</summary>
    public static WebApplication MapRenovation(this WebApplication app)
    {
        app.MapGet("/renovations/{id:int}/files/{fileId:guid}", (int id, Guid fileId, HttpContext http, RenovationService renovations, CancellationToken ct) =>
            renovations.SendDocumentAsync(id, fileId, http, ct)).RequireAuthorization(Can.SeeRenovations);
        app.MapGet("/renovations/passes/{passId:int}/photo", (int passId, HttpContext http, WorkerPassService passes, CancellationToken ct) =>
            passes.SendPhotoAsync(passId, http, ct)).RequireAuthorization(Can.CheckPasses);
        return app;
    }
}
