using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Collection;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Settings;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.Rectifications;
using PropertyHub.Tests.Features.Fees;

namespace PropertyHub.Tests.Data;

/// <summary>
/// The audited write paths through their real services on PostgreSQL with Npgsql's retrying strategy on (SQL Server's
/// stand-in): each of these opened a transaction outside the strategy and was refused.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class WritePathsPostgresTests(PostgresServer server)
{
    [PostgresFact]
    public async Task AuditedEdits_PostgresWithRetriesOn_EachSavedWithItsAuditRow()
    {
        await using var factory = new AppFactory
        {
            Provider = DatabaseProvider.Postgres,
            ConnectionString = server.ConnectionString("writes_" + Guid.NewGuid().ToString("N")[..8]),
        };
        // The estate's 2026-10-16 (a working day in 2026-Q4), so forms can be issued and answered, promises lie ahead.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 10, 16, 2, 0, 0, TimeSpan.Zero));
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        await using (var db = await DbAsync(app))
        {
            Assert.IsType<PostgresDbContext>(db);
            Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);
        }

        // An occupant.
        var occupantId = await FirstIdAsync(app, db => db.Occupants.OrderBy(o => o.Id).Select(o => o.Id));
        await AsAsync(app, Roles.Manager, async sp =>
        {
            var registry = sp.GetRequiredService<RegistryService>();
            var form = (await registry.GetOccupantFormAsync(occupantId))!;
            form.VipNotes = "Prefers calls after six.";
            Assert.Equal(SaveOutcome.Saved, (await registry.SaveOccupantAsync(form)).Outcome);
        });
        await AssertAuditedAsync(app, nameof(Occupant), occupantId);

        // A fee item.
        var item = await FirstAsync(app, db => db.FeeItems.AsNoTracking().OrderBy(i => i.Id));
        await AsAsync(app, Roles.Finance, async sp =>
        {
            var result = await sp.GetRequiredService<FeeService>().UpdateItemAsync(item.Id, item.Version, new FeeItemInput
            {
                NameHans = item.NameHans + "（新）", NameHant = item.NameHant, NameEn = item.NameEn, Basis = item.Basis, IsActive = item.IsActive,
            });
            Assert.True(result.Errors.Count == 0, string.Join(", ", result.Errors.Values));
        });
        await AssertAuditedAsync(app, nameof(FeeItem), item.Id);

        // The estate's service calendar (its fields live in an owned type, which the audit trail does not cover).
        var estateId = await FirstIdAsync(app, db => db.Estates.OrderBy(e => e.Id).Select(e => e.Id));
        var expectedCloses = default(TimeOnly);
        await AsAsync(app, Roles.Admin, async sp =>
        {
            var calendars = sp.GetRequiredService<ServiceCalendarService>();
            var current = (await calendars.GetAsync(estateId))!;
            var changed = current.Calendar;
            changed.CounterCloses = expectedCloses = changed.CounterCloses.AddMinutes(-30);
            Assert.True((await calendars.SaveAsync(estateId, current.Version, changed)).Saved);
        });
        var closes = await FirstAsync(app, db => db.Estates.AsNoTracking().Where(e => e.Id == estateId).Select(e => e.Calendar.CounterCloses));
        Assert.Equal(expectedCloses, closes);

        // A collection task: the collector records a promise to pay.
        var (unitId, taskEstateId) = await PaymentServiceTests.SeedRequestsAsync(factory);
        int taskId;
        await using (var db = await DbAsync(app))
        {
            var request = await db.PaymentRequests.Where(r => r.UnitId == unitId).OrderBy(r => r.Month).FirstAsync();
            var task = new CollectionTask { EstateId = taskEstateId, BuildingId = request.BuildingId, UnitId = unitId, PaymentRequestId = request.Id, CreatedAt = clock.GetUtcNow() };
            db.CollectionTasks.Add(task);
            await db.SaveChangesAsync();
            taskId = task.Id;
        }
        await AsAsync(app, Roles.Clerk, async sp =>
        {
            var visits = sp.GetRequiredService<CollectionVisits>();
            var result = await visits.RecordAsync(new VisitInput
            {
                TaskId = taskId, Version = 0, Outcome = VisitOutcome.Promised, PromisedDate = visits.Today(taskEstateId).AddDays(7), Note = "Pays on Friday.",
            });
            Assert.True(result.Errors.Count == 0, string.Join(", ", result.Errors.Values));
        });
        await AssertAuditedAsync(app, nameof(CollectionTask), taskId);

        // A rectification: forms issued, one answered on paper with a low score, then its rectification worked on.
        // The quarterly issue is the system's duty, in a scope of its own.
        await using (var duty = app.Services.CreateAsyncScope())
            await duty.ServiceProvider.GetRequiredService<SurveyIssuer>().IssueAsync(SurveyQuarter.Parse("2026-Q4"), default);
        var surveyId = await FirstIdAsync(app, db => db.Surveys.Where(s => s.Status == SurveyStatus.Issued).OrderBy(s => s.Id).Select(s => s.Id));
        await AsAsync(app, Roles.Clerk, async sp =>
        {
            var answers = sp.GetRequiredService<SurveyAnswers>();
            var form = (await answers.FormAsync(surveyId, "en"))!;
            var answer = new SurveyAnswer { Comment = "The corridor is dirty." };
            for (var i = 0; i < form.Items.Count; i++)
                answer.Scores[form.Items[i].Id] = i == 0 ? 1 : 4;
            var result = await answers.AnswerPaperAsync(surveyId, answer);
            Assert.True(result.Ok, result.Error);
        });
        var rectification = await FirstAsync(app, db => db.Rectifications.AsNoTracking().Where(r => r.SurveyId == surveyId));
        await AsAsync(app, Roles.Supervisor, async sp =>
        {
            var result = await sp.GetRequiredService<RectificationService>().UpdateAsync(rectification.Id, rectification.Version, new RectificationEdit
            {
                Department = rectification.Department, ResponsiblePerson = "李主管", DueDate = rectification.DueDate,
                Measure = "Corridor cleaned twice a day.", EvidenceNote = "Photos filed.",
            });
            Assert.True(result.Ok, result.Error);
        });
        await AssertAuditedAsync(app, nameof(Rectification), rectification.Id);
    }

    private static async Task<AppDbContext> DbAsync(WebApplicationFactory<Program> app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    private static async Task AsAsync(WebApplicationFactory<Program> app, string role, Func<IServiceProvider, Task> action)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, role);
        await action(scope.ServiceProvider);
    }

    private static async Task<T> FirstAsync<T>(WebApplicationFactory<Program> app, Func<AppDbContext, IQueryable<T>> query)
    {
        await using var db = await DbAsync(app);
        return await query(db).FirstAsync();
    }

    private static Task<int> FirstIdAsync(WebApplicationFactory<Program> app, Func<AppDbContext, IQueryable<int>> query) => FirstAsync(app, query);

    /// <summary>The record's latest audit row is a change, made by a person.</summary>
    private static async Task AssertAuditedAsync(WebApplicationFactory<Program> app, string entityType, int id)
    {
        await using var db = await DbAsync(app);
        var latest = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == entityType && a.EntityId == id).OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal(AuditAction.Changed, latest.Action);
        Assert.NotEmpty(latest.Changes);
        Assert.NotNull(latest.UserId);
    }
}
