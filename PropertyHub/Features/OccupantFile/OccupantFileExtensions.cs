using PropertyHub.Features.OccupantFile.Titles;

namespace PropertyHub.Features.OccupantFile;

public static class OccupantFileExtensions
{
    /// <summary>One file per occupant (一戶一檔): title records and ownership history.</summary>
    public static WebApplicationBuilder AddOccupantFile(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TitleOptions>().BindConfiguration(TitleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<TitleService>();
        return builder;
    }
}
