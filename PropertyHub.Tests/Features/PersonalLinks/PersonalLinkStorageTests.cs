using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Backup;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Surveys;
using PropertyHub.Tests.Features.Notices;

namespace PropertyHub.Tests.Features.PersonalLinks;

/// <summary>
/// "Stored only as a hash", checked on the bytes: the duties issue the quarter's forms and the month's payment
/// requests (a link each), the e-mails and SMS are delivered, the letters printed and marked delivered, and the nightly
/// backup taken; then neither the database file nor the backup holds any of the live tokens.
/// </summary>
public sealed class PersonalLinkStorageTests : IAsyncLifetime
{
    private readonly NoticesApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task IssueDeliverPrintAndBackUp_NoLiveTokenInTheDatabaseFileOrItsBackup()
    {
        var surveys = await app.InScope(sp => sp.GetRequiredService<SurveyIssuer>().IssueAsync(SurveyQuarter.Parse("2026-Q4"), default));
        var requests = await app.InScope(sp => sp.GetRequiredService<PaymentRequestIssuer>().IssueAsync(new DateOnly(2026, 10, 1), default));
        Assert.True(surveys > 0 && requests > 0, $"{surveys} forms, {requests} payment requests");

        // Every token the notices carry, opened as the senders and the print page open them: all live.
        var links = app.App.Services.GetRequiredService<NoticeLinks>();
        HashSet<string> tokens;
        await using (var db = await app.CreateDbContextAsync())
        {
            var carried = await db.Notices.AsNoTracking().Where(n => n.SealedLink != null).Select(n => n.SealedLink).ToListAsync();
            tokens = carried.Select(s => StoredTokens.TokenOf(links.Open(s)!)).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(surveys + requests, tokens.Count);
            var hashes = await db.PersonalLinks.Select(l => l.TokenHash).ToListAsync();
            Assert.All(tokens, t => Assert.Contains(LinkTokens.Hash(t), hashes));
        }
        var sample = tokens.First();
        var resolved = await app.InScope(sp => sp.GetRequiredService<PersonalLinkService>().ResolveAsync(sample, LinkPurpose.Survey));
        Assert.True(resolved.State is LinkState.Valid or LinkState.WrongPurpose, resolved.State.ToString());

        // E-mail and SMS: sent with their links, which the notices then no longer keep.
        var delivered = await app.DeliverAsync();
        Assert.Equal(0, delivered.Failed);
        var sent = Encoding.UTF8.GetBytes(string.Join("\n", app.Smtp.Messages.Select(m => m.TextBody).Concat(app.Gateway.Delivered.Select(r => r.Text))));
        Assert.NotEmpty(StoredTokens.FoundIn(sent, tokens));

        // Letters: printed with their links by a clerk, then marked delivered.
        var client = app.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostLoginAsync(SignIn.DemoEmail(Roles.Clerk), DemoUsers.Password)).StatusCode);
        var printed = new StringBuilder();
        List<int> buildings;
        await using (var db = await app.CreateDbContextAsync())
            buildings = await db.Notices.Where(n => n.Channel == NoticeChannel.Letter && n.Status == NoticeStatus.Pending).Select(n => n.BuildingId!.Value).Distinct().ToListAsync();
        foreach (var building in buildings)
        {
            printed.Append(WebUtility.HtmlDecode(await client.GetStringAsync($"/notices/letters/print/{building}")));
            await app.InScopeAs(Roles.Clerk, async sp =>
            {
                var notices = sp.GetRequiredService<NoticeService>();
                return await notices.MarkDeliveredAsync(await notices.PendingLettersAsync(building));
            });
        }
        Assert.NotEmpty(StoredTokens.FoundIn(Encoding.UTF8.GetBytes(printed.ToString()), tokens));

        await using (var db = await app.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Notices.CountAsync(n => n.SealedLink != null));
            Assert.Equal(0, await db.Notices.CountAsync(n => (n.Kind == SurveyNotices.Kind || n.Kind == PaymentRequestNotices.Kind) && n.Status != NoticeStatus.Sent));
        }
        var backup = await app.InScope(async sp =>
        {
            var duty = sp.GetServices<PropertyHub.Features.ScheduledDuties.IScheduledDuty>().OfType<SqliteBackupDuty>().Single();
            await duty.RunAsync("2026-10-15", default);
            return Path.Combine(duty.Folder, "propertyhub-2026-10-15.db");
        });
        Assert.True(File.Exists(backup));

        Assert.Empty(StoredTokens.FoundInDatabase(app.Factory.EffectiveConnectionString, tokens, backup));
    }
}
