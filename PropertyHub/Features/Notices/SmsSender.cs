using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace PropertyHub.Features.Notices;

/// <summary>SMS notices through the configured HTTP gateway; any answer but 2xx, or no answer in time, is a failure.</summary>
public sealed class SmsSender(IHttpClientFactory httpClients, IOptions<SmsOptions> options, NoticeLinks links) : INoticeSender
{
    public const string ClientName = "sms-gateway";

    public NoticeChannel Channel => NoticeChannel.Sms;

    public async Task SendAsync(Notice notice, CancellationToken cancellationToken)
    {
        var sms = options.Value;
        if (string.IsNullOrWhiteSpace(sms.Url))
            throw new InvalidOperationException("No SMS gateway is configured (Sms:Url).");
        var phone = notice.Address ?? throw new InvalidOperationException("The notice has no phone number.");
        var text = links.Open(notice) is { } link ? notice.Body + " " + link : notice.Body;
        var body = sms.BodyTemplate.Replace("{phone}", JsonEscape(phone)).Replace("{text}", JsonEscape(text));

        using var request = new HttpRequestMessage(new HttpMethod(sms.Method), sms.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, sms.ContentType),
        };
        foreach (var (name, value) in sms.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
                request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(sms.TimeoutSeconds));
        var client = httpClients.CreateClient(ClientName);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMS gateway did not answer within {sms.TimeoutSeconds} s.");
        }
        using (response)
        {
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode} {response.ReasonPhrase}.", null, response.StatusCode);
        }
    }

    /// <summary>The string as it goes between JSON quotes.</summary>
    private static string JsonEscape(string value)
    {
        var quoted = JsonSerializer.Serialize(value, JsonOptions);
        return quoted[1..^1];
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
