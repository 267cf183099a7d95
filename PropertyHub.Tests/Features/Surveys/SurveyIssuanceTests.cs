using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Tests.Features.Surveys;

public sealed class SurveyIssuanceTests : IAsyncLifetime
{
    private readonly AppFactory factory = new() { Settings = { ["Surveys:BatchSize"] = "40" } };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Issue_EveryOccupiedUnit_OneFormWithLinkAndNotices()
    {
        var issued = await factory.IssueAsync();

        await using var db = await factory.DbAsync();
        var occupied = await db.OccupiedUnitsAsync();
        Assert.True(occupied > 100);
        Assert.Equal(occupied, issued);
        Assert.Equal(occupied, await db.Surveys.CountAsync(s => s.Quarter == "2026-Q4" && s.Status == SurveyStatus.Issued));
        Assert.Equal(0, await db.Surveys.CountAsync(s => !db.Units.Any(u => u.Id == s.UnitId && u.Occupants.Any())));
        Assert.Equal(occupied, await db.PersonalLinks.CountAsync(l => l.Purpose == LinkPurpose.Survey));
        // Every unit gets the paper form in its building's print batch; e-mail and SMS where the occupant has them.
        Assert.Equal(occupied, await db.Notices.CountAsync(n => n.Kind == "survey" && n.Channel == NoticeChannel.Letter && n.BuildingId != null));
        var addressees = await db.Surveys.Join(db.Occupants, s => s.OccupantId, o => o.Id, (s, o) => o).ToListAsync();
        Assert.Equal(addressees.Count(o => NoticeOutbox.EmailOf(o) is not null), await db.Notices.CountAsync(n => n.Kind == "survey" && n.Channel == NoticeChannel.Email));
        Assert.Equal(addressees.Count(o => NoticeOutbox.MobileOf(o) is not null), await db.Notices.CountAsync(n => n.Kind == "survey" && n.Channel == NoticeChannel.Sms));
        Assert.All(await db.Notices.Where(n => n.Kind == "survey").ToListAsync(), n => Assert.Matches("/l/[A-Za-z0-9_-]{43}$", factory.Services.OpenLink(n.SealedLink)));
    }

    [Fact]
    public async Task Issue_LetUnit_FormGoesToTheTenant()
    {
        await factory.IssueAsync();

        await using var db = await factory.DbAsync();
        var let = await db.Units.Where(u => u.Occupants.Any(o => o.Role == OccupantRole.Tenant)).Select(u => u.Id).FirstAsync();
        var survey = await db.Surveys.SingleAsync(s => s.UnitId == let);
        Assert.Equal(OccupantRole.Tenant, (await db.Occupants.SingleAsync(o => o.Id == survey.OccupantId)).Role);
    }

    [Fact]
    public async Task Issue_Twice_SecondIssuesNothing()
    {
        var first = await factory.IssueAsync();
        var second = await factory.IssueAsync();

        await using var db = await factory.DbAsync();
        Assert.Equal(0, second);
        Assert.Equal(first, await db.Surveys.CountAsync());
        Assert.Equal(first, await db.PersonalLinks.CountAsync());
        Assert.Equal(first, await db.Notices.CountAsync(n => n.Channel == NoticeChannel.Letter));
    }

    [Fact]
    public async Task Issue_TwoAtOnce_EachUnitOnce()
    {
        var counts = await Task.WhenAll(factory.IssueAsync(), factory.IssueAsync(), factory.IssueAsync());

        await using var db = await factory.DbAsync();
        var occupied = await db.OccupiedUnitsAsync();
        Assert.Equal(occupied, counts.Sum());
        Assert.Equal(occupied, await db.Surveys.CountAsync());
        Assert.Equal(occupied, await db.PersonalLinks.CountAsync());
        Assert.Equal(occupied, await db.Notices.CountAsync(n => n.Channel == NoticeChannel.Letter));
    }

    [Fact]
    public async Task Issue_CrashHalfWay_RunAgainIssuesTheRestOnce()
    {
        var crash = new CrashOnSurveyBatch(failOnBatch: 3);
        await using var crashing = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<SqliteDbContext>(o => o.AddInterceptors(crash))));

        await Assert.ThrowsAsync<IOException>(() => crashing.IssueAsync());
        await using (var db = await factory.DbAsync())
        {
            // Two batches of 40 went in whole; the third left nothing behind (not a survey without its link or notices).
            Assert.Equal(80, await db.Surveys.CountAsync());
            Assert.Equal(80, await db.PersonalLinks.CountAsync());
            Assert.Equal(80, await db.Notices.CountAsync(n => n.Channel == NoticeChannel.Letter));
        }

        crash.Armed = false;
        var rest = await crashing.IssueAsync();

        await using var after = await factory.DbAsync();
        var occupied = await after.OccupiedUnitsAsync();
        Assert.Equal(occupied - 80, rest);
        Assert.Equal(occupied, await after.Surveys.CountAsync());
        Assert.Equal(occupied, await after.Surveys.Select(s => s.UnitId).Distinct().CountAsync());
        Assert.Equal(occupied, await after.Notices.CountAsync(n => n.Channel == NoticeChannel.Letter));
    }

    [Fact]
    public async Task Issue_NextQuarter_IssuesAgain()
    {
        var q4 = await factory.IssueAsync();
        var q1 = await factory.IssueAsync(SurveyQuarter.Parse("2027-Q1"));

        await using var db = await factory.DbAsync();
        Assert.Equal(q4, q1);
        Assert.Equal(q4 * 2, await db.Surveys.CountAsync());
    }

    [Fact]
    public async Task Issue_NoActiveTemplate_FailsAndIssuesNothing()
    {
        await using (var db = await factory.DbAsync())
        {
            await db.SurveyTemplates.ExecuteUpdateAsync(t => t.SetProperty(x => x.IsActive, false));
        }

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.IssueAsync());

        Assert.Contains("no active survey template", error.Message);
        await using var after = await factory.DbAsync();
        Assert.Equal(0, await after.Surveys.CountAsync());
    }

    /// <summary>Fails the save of the n-th batch of new forms, as a crash or lost database would.</summary>
    private sealed class CrashOnSurveyBatch(int failOnBatch) : SaveChangesInterceptor
    {
        private int batches;

        public bool Armed { get; set; } = true;

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            var context = eventData.Context!;
            if (Armed && context.ChangeTracker.Entries<PersonalLink>().Any(e => e.State == EntityState.Added) && Interlocked.Increment(ref batches) == failOnBatch)
                throw new IOException("The database went away.");
            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
