using System.Net;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;

namespace PropertyHub.Tests.Features.Fees.PaidServices;

/// <summary>The paid services pages as the server first renders them for each role.</summary>
public sealed class PaidServicePagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>A unit with a signed and an unsigned service; its address.</summary>
    private async Task<(int UnitId, string Address, int UnsignedId)> UnitWithServicesAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Building).Include(u => u.Occupants).Where(u => u.Occupants.Any()).OrderBy(u => u.Id).Skip(3).FirstAsync();
        if (!await db.PaidServices.AnyAsync(s => s.UnitId == unit.Id))
        {
            db.PaidServices.AddRange(Service("更换门锁", signed: true), Service("维修马桶", signed: false));
            await db.SaveChangesAsync();
        }
        var unsigned = await db.PaidServices.SingleAsync(s => s.UnitId == unit.Id && s.SignedAt == null);
        return (unit.Id, $"{unit.Building!.Code}-{unit.Number}", unsigned.Id);

        PaidService Service(string type, bool signed) => new()
        {
            EstateId = unit.Building!.EstateId, UnitId = unit.Id, OccupantId = unit.Occupants[0].Id, ServiceType = type, Price = 120m,
            ServiceDate = new DateOnly(2026, 11, 2), StaffName = "黄伟", CreatedAt = DateTimeOffset.UtcNow,
            Signature = signed ? PaidServiceServiceTests.Signature : null, SignedAt = signed ? DateTimeOffset.UtcNow : null, WitnessedBy = signed ? "黄伟" : null,
        };
    }

    private async Task<HttpResponseMessage> GetAsync(string role, string path) => await (await factory.ClientForRoleAsync(role)).GetAsync(path);

    private static async Task<string> HtmlAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnitPage_AnyStaff_ListsPaidServicesWithTheirState()
    {
        var (unitId, _, _) = await UnitWithServicesAsync();

        var html = await HtmlAsync(await GetAsync(Roles.Supervisor, $"/units/{unitId}"));

        Assert.Contains("更换门锁", html);
        Assert.Contains("data-state=\"ToBeBilled\"", html);
        Assert.Contains("data-state=\"AwaitingSignature\"", html);
        Assert.DoesNotContain("data-testid=\"ps-sign\"", html);
    }

    [Fact]
    public async Task PaidServicesPage_EngineerWithUnitInAddress_ListsItsServicesWithSignAndDelete()
    {
        var (_, address, unsignedId) = await UnitWithServicesAsync();

        var html = await HtmlAsync(await GetAsync(Roles.Engineer, $"/fees/paid-services?unit={address}"));

        Assert.Contains("data-testid=\"ps-unit-title\"", html);
        Assert.Contains($"/fees/paid-services/{unsignedId}/sign", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"ps-delete\""));
    }

    [Theory]
    [InlineData(Roles.Supervisor)]
    [InlineData(Roles.Manager)]
    public async Task Pages_WithoutTheRole_Denied(string role)
    {
        var (_, _, unsignedId) = await UnitWithServicesAsync();

        foreach (var path in new[] { "/fees/paid-services", $"/fees/paid-services/{unsignedId}/sign" })
        {
            var response = await GetAsync(role, path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/denied", response.Headers.Location?.ToString(), StringComparison.Ordinal);
        }
    }
}
