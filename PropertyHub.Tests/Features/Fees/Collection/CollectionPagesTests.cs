using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Fees.Collection;

public sealed class CollectionPagesTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int unitId;

    public async Task InitializeAsync()
    {
        (unitId, _) = await PaymentServiceTests.SeedRequestsAsync(factory);
        await factory.CreateTasksAsync();
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<string> GetAsync(string role, string url) =>
        await (await (await factory.ClientForRoleAsync(role)).GetAsync(url)).Content.ReadAsStringAsync();

    [Fact]
    public async Task AssignmentPage_FinanceSeesBuildingsEngineerDoesNot()
    {
        var finance = await GetAsync(Roles.Finance, "/fees/collection");
        var engineer = await GetAsync(Roles.Engineer, "/fees/collection");

        Assert.Contains("data-testid=\"collection-building\"", finance);
        // The page is in the default language (zh-Hans); the markup escapes its characters.
        Assert.Contains("待收 3 · 已承诺 0 · 已缴清 0 · 拒缴 0 · 未分派 3", System.Net.WebUtility.HtmlDecode(finance));
        Assert.Contains("880.50", finance);
        Assert.Contains("data-testid=\"collection-tasks\"", finance);
        Assert.DoesNotContain("data-testid=\"collection-building\"", engineer);
    }

    [Fact]
    public async Task MyVisitsPage_EngineerSeesOwnTasksSupervisorDenied()
    {
        var before = await GetAsync(Roles.Engineer, "/fees/collection/mine");
        await factory.AssignUnitAsync(unitId, Roles.Engineer);
        var after = await GetAsync(Roles.Engineer, "/fees/collection/mine");
        var clerk = await GetAsync(Roles.Clerk, "/fees/collection/mine");
        var supervisor = await GetAsync(Roles.Supervisor, "/fees/collection/mine");

        Assert.Contains("data-testid=\"collection-mine-empty\"", before);
        Assert.Equal(3, after.Split("data-testid=\"collection-visit\"").Length - 1);
        Assert.Contains("href=\"tel:", after);
        Assert.Contains("data-testid=\"collection-mine-empty\"", clerk);
        Assert.DoesNotContain("data-testid=\"collection-mine", supervisor);
    }
}
