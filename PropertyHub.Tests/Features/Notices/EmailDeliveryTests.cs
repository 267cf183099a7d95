using PropertyHub.Features.Accounts;
using MimeKit;
using PropertyHub.Features.Notices;

namespace PropertyHub.Tests.Features.Notices;

public sealed class EmailDeliveryTests(NoticesApp app) : IClassFixture<NoticesApp>
{
    [Fact]
    public async Task Delivery_Email_ArrivesWithChineseSubjectAndBody()
    {
        var email = NoticesApp.NewEmail();
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(email: email)));

        await app.DeliverAsync();

        var message = Assert.Single(app.Smtp.To(email));
        Assert.Equal("业户评议表", message.Subject);
        Assert.Equal("尊敬的业户：请填写本季度评议表，谢谢！\"引号\"与换行\n第二行", message.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
        var part = Assert.IsType<TextPart>(message.Body);
        Assert.Equal("utf-8", part.ContentType.Charset, ignoreCase: true);
        var stored = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Sent, stored.Status);
        Assert.Equal(app.Clock.GetUtcNow(), stored.SentAt);
        Assert.Null(stored.NextAttemptAt);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Delivery_SmtpServerDown_FailureWithBackOffThenSentOnce()
    {
        var email = NoticesApp.NewEmail();
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(email: email)));
        var port = FreePort.Next();
        var start = app.Clock.GetUtcNow();

        await app.DeliverThroughSmtpPortAsync(port);

        var failed = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Pending, failed.Status);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal(start.AddMinutes(1), failed.NextAttemptAt);
        Assert.StartsWith("SocketException", failed.LastError);
        Assert.DoesNotContain("评议", failed.LastError);

        // Not due again before its back-off has passed.
        await app.DeliverThroughSmtpPortAsync(port);
        Assert.Equal(1, (await app.LoadAsync(notice.Id)).Attempts);

        await using var server = new LocalSmtpServer(port).Start();
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.DeliverThroughSmtpPortAsync(port);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.DeliverThroughSmtpPortAsync(port);

        Assert.Single(server.To(email));
        var sent = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Sent, sent.Status);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Delivery_RecipientRejected_FailureRecorded()
    {
        var email = NoticesApp.NewEmail();
        app.Smtp.Refused[email] = true;
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(email: email)));

        await app.DeliverAsync();

        Assert.Empty(app.Smtp.To(email));
        var stored = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Pending, stored.Status);
        Assert.Equal(1, stored.Attempts);
        Assert.StartsWith("SmtpCommandException", stored.LastError);
        Assert.NotNull(stored.NextAttemptAt);
    }

    [Fact]
    public async Task Delivery_FailingEveryTime_FailedForGoodAfterEightAttemptsWithCappedBackOff()
    {
        var email = NoticesApp.NewEmail();
        app.Smtp.Refused[email] = true;
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(email: email)));
        var waits = new List<TimeSpan>();

        for (var i = 0; i < NoticeDelivery.MaxAttempts; i++)
        {
            var before = await app.LoadAsync(notice.Id);
            app.Clock.SetUtcNow(before.NextAttemptAt!.Value);
            await app.DeliverAsync();
            var after = await app.LoadAsync(notice.Id);
            if (after.NextAttemptAt is { } next)
                waits.Add(next - before.NextAttemptAt!.Value);
        }

        var stored = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Failed, stored.Status);
        Assert.Equal(NoticeDelivery.MaxAttempts, stored.Attempts);
        Assert.Null(stored.NextAttemptAt);
        Assert.Equal([1, 2, 4, 8, 16, 32, 60], waits.Select(w => w.TotalMinutes).ToArray());
    }

    [Fact]
    public async Task Delivery_TwoRunsAtOnce_EachNoticeSentOnce()
    {
        var emails = Enumerable.Range(0, 6).Select(_ => NoticesApp.NewEmail()).ToList();
        foreach (var email in emails)
            await app.AddNoticesAsync(await app.AddOccupantAsync(email: email));

        var runs = await Task.WhenAll(Task.Run(app.DeliverAsync), Task.Run(app.DeliverAsync));

        Assert.All(emails, e => Assert.Single(app.Smtp.To(e)));
        Assert.True(runs.Sum(r => r.Sent) >= emails.Count);
    }

    [Fact]
    public async Task Resend_FailedNotice_BackToPendingAndDelivered()
    {
        var email = NoticesApp.NewEmail();
        var notice = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync(email: email)));
        await using (var db = await app.CreateDbContextAsync())
        {
            var stored = db.Notices.Single(n => n.Id == notice.Id);
            stored.Status = NoticeStatus.Failed;
            stored.Attempts = NoticeDelivery.MaxAttempts;
            stored.NextAttemptAt = null;
            await db.SaveChangesAsync();
        }
        var failed = await app.LoadAsync(notice.Id);
        var service = (Func<IServiceProvider, NoticeService>)(sp => (NoticeService)sp.GetService(typeof(NoticeService))!);

        Assert.False(await app.InScopeAs(Roles.Clerk, sp => service(sp).ResendAsync(notice.Id, failed.Version)));
        Assert.False(await app.InScopeAs(Roles.Supervisor, sp => service(sp).ResendAsync(notice.Id, failed.Version - 1)));
        Assert.True(await app.InScopeAs(Roles.Supervisor, sp => service(sp).ResendAsync(notice.Id, failed.Version)));
        var pending = await app.LoadAsync(notice.Id);
        Assert.Equal(NoticeStatus.Pending, pending.Status);
        Assert.Equal(0, pending.Attempts);
        await app.DeliverAsync();

        Assert.Single(app.Smtp.To(email));
        Assert.Equal(NoticeStatus.Sent, (await app.LoadAsync(notice.Id)).Status);
    }
}
