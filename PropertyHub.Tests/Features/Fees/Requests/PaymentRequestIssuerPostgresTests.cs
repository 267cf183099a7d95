using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Data;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;

namespace PropertyHub.Tests.Features.Fees.Requests;

/// <summary>
/// The run on PostgreSQL, where requests, lines, links and notices go in by binary COPY with keys drawn from the
/// sequences: two runs at once, one batch's commit failing (retried by Npgsql's strategy), and a run after them issue
/// each request once, with its lines, its link and its letter.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PaymentRequestIssuerPostgresTests(PostgresServer server)
{
    private static readonly DateOnly December = new(2026, 12, 1);

    [PostgresFact]
    public async Task Issue_TwoRunsAtOnceOneCommitFailing_EachRequestOnceWithLinesLinkAndNotices()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("requests_" + Guid.NewGuid().ToString("N")[..8]),
            Faults = new OneFault(postgres: true),
            Settings = { ["PaymentRequests:BatchSize"] = "70" },
        };
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 16, 2, 0, 0, TimeSpan.Zero));
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        _ = app.Services;

        factory.Faults!.Arm(FaultPoint.Commit);
        var together = await Task.WhenAll(IssueAsync(app), IssueAsync(app));
        var again = await IssueAsync(app);

        Assert.Equal(1, factory.Faults.Thrown);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var paying = await db.Units.CountAsync(u => u.Occupants.Any());
        Assert.Equal((paying, 0), (together.Sum(), again));
        Assert.Equal(paying, await db.PaymentRequests.CountAsync(r => r.Month == December));
        Assert.Equal(0, await db.PaymentRequests.CountAsync(r => !db.PaymentRequestLines.Any(l => l.PaymentRequestId == r.Id)));
        Assert.Equal(0, await db.PaymentRequests.CountAsync(r => r.Total != db.PaymentRequestLines.Where(l => l.PaymentRequestId == r.Id).Sum(l => l.Amount)));
        var links = await db.PersonalLinks.Where(l => l.Purpose == LinkPurpose.PaymentRequest).ToListAsync();
        Assert.Equal(paying, links.Count);
        Assert.Equal(paying, links.Select(l => l.SubjectId).Distinct().Count());
        Assert.Equal(0, await db.PaymentRequests.CountAsync(r => !db.PersonalLinks.Any(l => l.SubjectId == r.Id && l.Purpose == LinkPurpose.PaymentRequest)));
        Assert.Equal(paying, await db.Notices.CountAsync(n => n.Kind == PaymentRequestNotices.Kind && n.Channel == NoticeChannel.Letter));
        var letter = await db.Notices.OrderBy(n => n.Id).FirstAsync(n => n.Kind == PaymentRequestNotices.Kind && n.Language == "zh-Hans" && n.Channel == NoticeChannel.Letter);
        Assert.Equal("付款请求书（2026年12月）", letter.Subject);
        Assert.Contains("请于 2026-12-21 前缴纳", letter.Body);
        Assert.Equal(letter.CreatedAt, clock.GetUtcNow());
    }

    private static async Task<int> IssueAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PaymentRequestIssuer>().IssueAsync(December, CancellationToken.None);
    }
}
