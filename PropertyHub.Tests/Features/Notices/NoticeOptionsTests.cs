using System.ComponentModel.DataAnnotations;
using PropertyHub.Features.Notices;

namespace PropertyHub.Tests.Features.Notices;

public sealed class NoticeOptionsTests
{
    private static List<ValidationResult> Errors(object options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }

    [Fact]
    public void SmtpOptions_Defaults_Valid() => Assert.Empty(Errors(new SmtpOptions()));

    [Fact]
    public void SmtpOptions_SslAndStartTlsBoth_Invalid() => Assert.NotEmpty(Errors(new SmtpOptions { UseSsl = true, StartTls = true }));

    [Fact]
    public void SmtpOptions_BadFromOrPort_Invalid()
    {
        Assert.NotEmpty(Errors(new SmtpOptions { From = "not an address" }));
        Assert.NotEmpty(Errors(new SmtpOptions { Port = 0 }));
    }

    [Fact]
    public void SmsOptions_TemplateWithoutPlaceholders_Invalid() => Assert.NotEmpty(Errors(new SmsOptions { BodyTemplate = """{"to":"x"}""" }));

    [Fact]
    public void SmsOptions_GetMethodOrZeroTimeout_Invalid()
    {
        Assert.Empty(Errors(new SmsOptions()));
        Assert.NotEmpty(Errors(new SmsOptions { Method = "GET" }));
        Assert.NotEmpty(Errors(new SmsOptions { TimeoutSeconds = 0 }));
    }
}
