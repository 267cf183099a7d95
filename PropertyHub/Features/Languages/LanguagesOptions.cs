using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Languages;

public sealed class LanguagesOptions
{
    public const string Section = "Languages";

    /// <summary>Used when the browser asks for none of the supported languages.</summary>
    [Required]
    [AllowedValues(Cultures.SimplifiedChinese, Cultures.TraditionalChinese, Cultures.English)]
    public string DefaultCulture { get; set; } = Cultures.SimplifiedChinese;
}
