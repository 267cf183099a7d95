using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.Disclosures;

namespace PropertyHub.Tests.Features.Fees.Disclosures;

/// <summary>The list, the editor as each role sees it, and the printable statement of an approved statement with one expenditure line.</summary>
public sealed partial class DisclosurePagesTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private int id;

    public async Task InitializeAsync()
    {
        await factory.WithScopeAsync(sp => sp.GetRequiredService<DisclosureDrafter>().DraftAsync(HalfYear.Parse("2026-H2"), CancellationToken.None));
        await using (var db = await factory.CreateDbContextAsync())
            id = await db.Disclosures.OrderBy(d => d.EstateId).Select(d => d.Id).FirstAsync();
        await factory.AsAsync(Roles.Finance, async sp => Assert.True((await sp.GetRequiredService<DisclosureService>()
            .AddExpenditureAsync(id, 0, new ExpenditureInput { Category = "public-energy", Amount = "1234.50", Note = "Lifts and lighting" })).Ok));
        await factory.AsAsync(Roles.Manager, async sp => Assert.True((await sp.GetRequiredService<DisclosureService>().ApproveAsync(id, 1)).Ok));
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<string> GetAsync(string role, string path)
    {
        var client = await factory.ClientForRoleAsync(role);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var response = await client.GetAsync(path);
        for (var hops = 0; response.StatusCode == HttpStatusCode.Redirect && hops < 5; hops++)
            response = await client.GetAsync(response.Headers.Location!);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Text(string html, string testId)
    {
        var match = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>([^<]*)<");
        Assert.True(match.Success, $"No {testId} on the page");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    [Fact]
    public async Task List_Finance_ShowsTheStatementWithTotals()
    {
        var html = await GetAsync(Roles.Finance, "/fees/disclosures");

        Assert.Contains($"data-testid=\"disclosure-{id}\"", html);
        Assert.Contains("2026-H2", html);
        Assert.Contains("Approved", html);
    }

    [Fact]
    public async Task Print_Approved_IncomeExpenditureBalanceAndApprover()
    {
        var html = await GetAsync(Roles.Manager, $"/fees/disclosures/{id}/print");

        Assert.Equal("1,234.50", Text(html, "expenditure-total"));
        Assert.Equal("-1,234.50", Text(html, "balance"));
        Assert.Contains("Public energy", html);
        Assert.Contains("Lifts and lighting", html);
        Assert.DoesNotContain("Not approved yet", html);
        Assert.Contains("Not published yet", html);
    }

    [Fact]
    public async Task Editor_Manager_MayPublishButNotWriteLines()
    {
        var html = await GetAsync(Roles.Manager, $"/fees/disclosures/{id}");

        Assert.Contains("data-testid=\"disclosure-publish\"", html);
        Assert.DoesNotContain("data-testid=\"expenditure-editor\"", html);
    }

    [Fact]
    public async Task Editor_Finance_WritesLinesButCannotPublish()
    {
        var html = await GetAsync(Roles.Finance, $"/fees/disclosures/{id}");

        Assert.Contains("data-testid=\"expenditure-editor\"", html);
        Assert.Contains("data-testid=\"notes-editor\"", html);
        Assert.DoesNotContain("data-testid=\"disclosure-publish\"", html);
    }

    [Fact]
    public async Task Editor_Published_NoEditorAndFrozenNotice()
    {
        await factory.AsAsync(Roles.Manager, async sp => Assert.True((await sp.GetRequiredService<DisclosureService>().PublishAsync(id, 2)).Ok));

        var html = await GetAsync(Roles.Finance, $"/fees/disclosures/{id}");

        Assert.Contains("data-testid=\"disclosure-frozen\"", html);
        Assert.Contains("data-testid=\"disclosure-correct\"", html);
        Assert.DoesNotContain("data-testid=\"expenditure-editor\"", html);
    }

    [Fact]
    public async Task Pages_Clerk_SeesAccessDenied()
    {
        var html = await GetAsync(Roles.Clerk, $"/fees/disclosures/{id}");

        Assert.Contains("data-testid=\"access-denied\"", html);
        Assert.DoesNotContain("data-testid=\"disclosure-statement\"", html);
    }
}
