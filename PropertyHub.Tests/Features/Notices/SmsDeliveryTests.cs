using System.Diagnostics.Metrics;
using System.Text.Json;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Operations;

namespace PropertyHub.Tests.Features.Notices;

public sealed class SmsDeliveryTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    private const string ChineseBody = "尊敬的业户：请填写本季度评议表，谢谢！\"引号\"与换行\n第二行";

    private List<GatewayRequest> DeliveredTo(string phone) => app.Gateway.Delivered.Where(r => r.Phone == phone).ToList();

    [Fact]
    public async Task Delivery_Sms_PostedToGatewayWithTemplateBodyAndHeaders()
    {
        var phone = NoticesApp.NewMobile();
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(phone: phone)));

        await app.DeliverAsync();

        var request = Assert.Single(DeliveredTo(phone));
        Assert.Equal("POST", request.Method);
        Assert.Equal("test-key", request.ApiKey);
        Assert.Equal(ChineseBody, request.Text);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("物业", json.RootElement.GetProperty("sign").GetString());
        var stored = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Sent, stored.Status);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Delivery_GatewayAnswers500_FailureThenRetrySucceedsOnce()
    {
        var phone = NoticesApp.NewMobile();
        app.Gateway.Answer[phone] = 500;
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(phone: phone)));

        await app.DeliverAsync();

        var failed = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.StartsWith("HttpRequestException", failed.LastError);
        Assert.Contains("500", failed.LastError);
        Assert.Empty(DeliveredTo(phone));

        app.Gateway.Answer[phone] = 200;
        app.Clock.SetUtcNow(failed.NextAttemptAt!.Value);
        await app.DeliverAsync();
        app.Clock.Advance(TimeSpan.FromHours(2));
        await app.DeliverAsync();

        Assert.Single(DeliveredTo(phone));
        Assert.Equal(2, app.Gateway.Requests.Count(r => r.Phone == phone));
        var sent = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Delivery_GatewayTimesOut_FailureRecorded()
    {
        var phone = NoticesApp.NewMobile();
        app.Gateway.Answer[phone] = null;
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(phone: phone)));

        await app.DeliverAsync();

        var stored = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Pending, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.StartsWith("TimeoutException", stored.LastError);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), stored.NextAttemptAt);
        Assert.Empty(DeliveredTo(phone));
    }

    [Fact]
    public async Task Delivery_FailedThenSent_CountedOnThePropertyHubMeterBySmsChannel()
    {
        long sent = 0, failed = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == Telemetry.Name && instrument.Name.StartsWith("propertyhub.notices.", StringComparison.Ordinal))
                    l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!tags.ToArray().Contains(new KeyValuePair<string, object?>("channel", "Sms")))
                return;
            if (instrument.Name == "propertyhub.notices.sent")
                Interlocked.Add(ref sent, value);
            else if (instrument.Name == "propertyhub.notices.failed")
                Interlocked.Add(ref failed, value);
        });
        listener.Start();
        var phone = NoticesApp.NewMobile();
        app.Gateway.Answer[phone] = 500;
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(phone: phone)));

        await app.DeliverAsync();
        // Other tests of the run may deliver too: at least this one's failure and, after the retry, its send.
        Assert.True(Interlocked.Read(ref failed) >= 1);
        app.Gateway.Answer[phone] = 200;
        app.Clock.SetUtcNow((await app.LoadAsync(notice.Id)).NextAttemptAt!.Value);
        await app.DeliverAsync();

        Assert.Equal(NoticeStatus.Sent, (await app.LoadAsync(notice.Id)).Status);
        Assert.True(Interlocked.Read(ref sent) >= 1);
    }
}
