using System.ComponentModel.DataAnnotations;

namespace PropertyHub.Features.Notices;

/// <summary>The SMTP server e-mail notices go through (section "Smtp").</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Smtp";

    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary>TLS from the first byte (usually port 465).</summary>
    public bool UseSsl { get; set; }

    /// <summary>Upgrade to TLS with STARTTLS (usually port 587).</summary>
    public bool StartTls { get; set; }

    /// <summary>Sign in with this user when set.</summary>
    public string? User { get; set; }

    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "notices@propertyhub.local";

    public string? FromName { get; set; }

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (UseSsl && StartTls)
            yield return new("Smtp: choose UseSsl or StartTls, not both.", [nameof(UseSsl), nameof(StartTls)]);
        if (string.IsNullOrEmpty(User) != string.IsNullOrEmpty(Password))
            yield return new("Smtp: User and Password go together.", [nameof(User), nameof(Password)]);
    }
}

/// <summary>
/// The HTTP gateway SMS notices go through (section "Sms"), so any provider is plugged in by configuration:
/// the body template's {phone} and {text} are replaced by the JSON-escaped phone number and message.
/// </summary>
public sealed class SmsOptions : IValidatableObject
{
    public const string Section = "Sms";

    /// <summary>The gateway's address; SMS notices fail (and are retried) while it is not set.</summary>
    [Url]
    public string? Url { get; set; }

    [Required, RegularExpression("^(POST|PUT)$")]
    public string Method { get; set; } = "POST";

    public Dictionary<string, string> Headers { get; set; } = [];

    [Required]
    public string BodyTemplate { get; set; } = """{"phone":"{phone}","text":"{text}"}""";

    [Required]
    public string ContentType { get; set; } = "application/json";

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!BodyTemplate.Contains("{phone}", StringComparison.Ordinal) || !BodyTemplate.Contains("{text}", StringComparison.Ordinal))
            yield return new("Sms: BodyTemplate must contain {phone} and {text}.", [nameof(BodyTemplate)]);
    }
}
