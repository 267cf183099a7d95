using System.Net;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

/// <summary>The registry pages as the server first renders them for each role.</summary>
public sealed class RegistryPagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<Occupant> OccupantWithIdAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Occupants.AsNoTracking().Where(o => o.IdNumber != null && o.Phone != null).OrderBy(o => o.Id).Skip(7).FirstAsync();
    }

    private async Task<string> PageAsync(string role, string path)
    {
        var client = await factory.ClientForRoleAsync(role);
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Blazor encodes non-ASCII text as character references.
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnitPage_Clerk_SeesPhoneInFullAndIdNumberMaskedWithoutEditingForEngineer()
    {
        var occupant = await OccupantWithIdAsync();
        var clerk = await PageAsync(Roles.Clerk, $"/units/{occupant.UnitId}");
        Assert.Contains(occupant.Name, clerk);
        Assert.Contains(occupant.Phone!, clerk);
        Assert.Contains(IdNumbers.Mask(occupant.IdNumber), clerk);
        Assert.DoesNotContain(occupant.IdNumber!, clerk);
        Assert.Contains("data-testid=\"add-occupant\"", clerk);

        var engineer = await PageAsync(Roles.Engineer, $"/units/{occupant.UnitId}");
        Assert.Contains(occupant.Name, engineer);
        Assert.DoesNotContain("data-testid=\"add-occupant\"", engineer);
        Assert.DoesNotContain("data-testid=\"edit-occupant\"", engineer);
    }

    [Fact]
    public async Task UnitPage_Manager_SeesIdNumberInFull()
    {
        var occupant = await OccupantWithIdAsync();
        var manager = await PageAsync(Roles.Manager, $"/units/{occupant.UnitId}");
        Assert.Contains(occupant.IdNumber!, manager);
    }

    [Fact]
    public async Task HomePage_Clerk_ShowsSearchBoxAndRegistryCounts()
    {
        var home = await PageAsync(Roles.Clerk, "/");
        Assert.Contains("data-testid=\"occupant-search\"", home);
        await using var db = await factory.CreateDbContextAsync();
        var units = await db.Units.CountAsync();
        Assert.Matches($"data-testid=\"count-units\"[\\s\\S]*?>{units}<", home);
    }

    [Fact]
    public async Task EstatesPage_Engineer_ListsBuildingsWithoutEditButtons()
    {
        var estates = await PageAsync(Roles.Engineer, "/estates");
        Assert.Contains("1号楼", estates);
        Assert.Contains("3号楼", estates);
        Assert.DoesNotContain("data-testid=\"new-building\"", estates);
        var clerk = await PageAsync(Roles.Clerk, "/estates");
        Assert.Contains("data-testid=\"new-building\"", clerk);
    }

    [Fact]
    public async Task OccupantsPage_Clerk_Opens()
    {
        var page = await PageAsync(Roles.Clerk, "/occupants");
        Assert.Contains("data-testid=\"occupant-search\"", page);
    }
}
