using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.PersonalLinks;

public sealed class PersonalLinkOptions
{
    public const string Section = "Links";

    /// <summary>The address occupants reach the app at, e.g. https://service.example.com; links are built on it.</summary>
    [Required, Url]
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>How long a survey link stays open after it is issued.</summary>
    [Range(1, 366)]
    public int SurveyDays { get; set; } = 60;

    /// <summary>Requests to personal links one client address may make per minute; more are refused (429).</summary>
    [Range(1, 10_000)]
    public int PermitsPerMinute { get; set; } = 30;
}
