using Bunit;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.ScheduledDuties;
using PropertyHub.Features.Surveys;
using PropertyHub.Features.Surveys.FollowUps;
using PropertyHub.Features.Surveys.Rectifications;
using PropertyHub.Tests.Testing;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.Surveys.Rectifications;

/// <summary>
/// The app with a fake clock at 2026-10-15 17:00 UTC, which is already 2026-10-16 01:00 in the estate (Asia/Shanghai),
/// and the 2026-Q4 forms issued. Each answered form is a fresh one, so tests of a class do not share records.
/// </summary>
public sealed class SurveyWorkApp : IAsyncLifetime
{
    /// <summary>A page big enough for every row these tests make.</summary>
    public static readonly PageRequest AllOfThem = new(0, PageRequest.MaxTake);

    public static readonly DateOnly EstateToday = new(2026, 10, 16);

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 10, 15, 17, 0, 0, TimeSpan.Zero));
    public AppFactory Factory { get; } = new();
    public WebApplicationFactory<Program> App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock)));
        await InScope(sp => sp.GetRequiredService<SurveyIssuer>().IssueAsync(SurveyQuarter.Parse("2026-Q4"), default));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Factory.DisposeAsync();
    }

    public async Task<AppDbContext> CreateDbContextAsync()
    {
        var scope = App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
    }

    public async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Runs service code as the demo user of a role, as a circuit would.</summary>
    public async Task<T> InScopeAs<T>(string role, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, role);
        return await action(scope.ServiceProvider);
    }

    public Task<T> AsRectifier<T>(string role, Func<RectificationService, Task<T>> action) =>
        InScopeAs(role, sp => action(sp.GetRequiredService<RectificationService>()));

    public Task<T> AsFollowUper<T>(string role, Func<FollowUpService, Task<T>> action) =>
        InScopeAs(role, sp => action(sp.GetRequiredService<FollowUpService>()));

    /// <summary>
    /// A clerk types in the next unanswered paper form: the first <paramref name="low"/> items scored 1 or 2, the
    /// rest 4, with the comment and suggestion given. Returns the form's id.
    /// </summary>
    public async Task<int> AnswerNextAsync(int low = 1, string? comment = "The corridor is dirty.", string? suggestion = null)
    {
        int surveyId;
        await using (var db = await CreateDbContextAsync())
        {
            surveyId = await db.Surveys.Where(s => s.Status == SurveyStatus.Issued).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        }
        var result = await InScopeAs(Roles.Clerk, async sp =>
        {
            var answers = sp.GetRequiredService<SurveyAnswers>();
            var form = (await answers.FormAsync(surveyId, "en"))!;
            var answer = new SurveyAnswer { Comment = comment, Suggestion = suggestion };
            for (var i = 0; i < form.Items.Count; i++)
                answer.Scores[form.Items[i].Id] = i < low ? 1 + i % 2 : 4;
            return await answers.AnswerPaperAsync(surveyId, answer);
        });
        Assert.True(result.Ok, result.Error);
        return surveyId;
    }

    /// <summary>The rectifications a form created, by item order.</summary>
    public async Task<List<Rectification>> RectificationsOfAsync(int surveyId)
    {
        await using var db = await CreateDbContextAsync();
        return await db.Rectifications.AsNoTracking().Where(r => r.SurveyId == surveyId).OrderBy(r => r.Id).ToListAsync();
    }

    public async Task<Rectification> RectificationAsync(int id)
    {
        await using var db = await CreateDbContextAsync();
        return await db.Rectifications.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    public async Task<FollowUp> FollowUpOfAsync(int surveyId)
    {
        await using var db = await CreateDbContextAsync();
        return await db.FollowUps.AsNoTracking().SingleAsync(f => f.SurveyId == surveyId);
    }

    /// <summary>Moves a rectification's due date (an arrangement only: the service would refuse a date before creation).</summary>
    public async Task SetDueDateAsync(int id, DateOnly due)
    {
        await using var db = await CreateDbContextAsync();
        await db.Rectifications.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.DueDate, due));
    }

    /// <summary>A bUnit context with MudBlazor, the user's roles and the app's services of a signed-in scope.</summary>
    public static BunitContext NewContext(IServiceProvider services, string role)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(services.GetRequiredService<RectificationService>());
        ctx.Services.AddSingleton(services.GetRequiredService<FollowUpService>());
        ctx.Services.AddSingleton(services.GetRequiredService<EstateTime>());
        ctx.AddAuthorization().SetAuthorized("staff").SetAccess(role);
        return ctx;
    }
}
