using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Registry.Import;

public static class ImportExtensions
{
    public static WebApplicationBuilder AddRegistryImport(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RegistryImportParser>();
        builder.Services.AddScoped<RegistryImportValidator>();
        builder.Services.AddScoped<RegistryImporter>();
        builder.Services.AddScoped<RegistryExporter>();
        builder.Services.AddScoped<ImportMessages>();
        return builder;
    }

    public static WebApplication MapRegistryImport(this WebApplication app)
    {
        // The export carries full phone numbers: it follows the import's roles.
        app.MapGet("/registry/export.xlsx", async (int? estateId, Permissions permissions, RegistryExporter exporter, TimeProvider clock, CancellationToken ct) =>
        {
            var showIdNumbers = await permissions.MayAsync(Can.SeeIdNumbers, ct);
            try
            {
                var bytes = await exporter.ExportAsync(estateId, showIdNumbers, ct);
                return Results.File(bytes, RegistryExporter.ContentType, $"registry-{clock.GetUtcNow():yyyy-MM-dd}.xlsx");
            }
            catch (AccessRefusedException)
            {
                // Roles changed since the sign-in's claims were read: the database's answer counts.
                return Results.Forbid();
            }
        }).RequireAuthorization(Can.ImportRegistry);
        app.MapGet("/registry/import/template.xlsx", (RegistryExporter exporter) =>
            Results.File(exporter.Template(), RegistryExporter.ContentType, "registry-template.xlsx")).RequireAuthorization(Can.ImportRegistry);
        return app;
    }
}
