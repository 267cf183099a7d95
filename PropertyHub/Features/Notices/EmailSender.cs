using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PropertyHub.Features.Notices;

/// <summary>E-mail notices through MailKit over SMTP; subject and body are UTF-8, so Chinese text arrives intact.</summary>
public sealed class EmailSender(IOptions<SmtpOptions> options, NoticeLinks links) : INoticeSender
{
    public NoticeChannel Channel => NoticeChannel.Email;

    public async Task SendAsync(Notice notice, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(smtp.FromName ?? "", smtp.From));
        message.To.Add(MailboxAddress.Parse(notice.Address ?? throw new InvalidOperationException("The notice has no e-mail address.")));
        message.Subject = notice.Subject;
        var body = links.Open(notice) is { } link ? notice.Body + "\n\n" + link : notice.Body;
        message.Body = new TextPart("plain") { Text = body };

        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        var security = smtp.UseSsl ? SecureSocketOptions.SslOnConnect : smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.User))
            await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
