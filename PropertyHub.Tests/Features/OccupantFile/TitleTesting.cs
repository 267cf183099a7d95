using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Fees.Requests;
using PropertyHub.Features.OccupantFile.Titles;
using PropertyHub.Features.Registry;
using PropertyHub.Tests.Features.Fees.Books;

namespace PropertyHub.Tests.Features.OccupantFile;

/// <summary>A residential unit of the demo estate, its owner on file since 2020 and a buyer added as an owner-to-be.</summary>
public sealed record SoldUnit(int UnitId, decimal Area, int SellerId, string Seller, int BuyerId, string Buyer);

public static class TitleTesting
{
    /// <summary>Wednesday 16 December 2026, 10:00 in Shanghai.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 16, 10, 0, 0, TimeSpan.FromHours(8));

    public static async Task<SoldUnit> SoldUnitAsync(AppFactory factory, int skip = 0)
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.Include(u => u.Occupants).Where(u => u.Use == UnitUse.Residential && u.Occupants.Any(o => o.Role == OccupantRole.Owner))
            .OrderBy(u => u.Id).Skip(skip).FirstAsync();
        var seller = unit.Occupants.Where(o => o.Role == OccupantRole.Owner).OrderBy(o => o.Id).First();
        var buyer = new Occupant { UnitId = unit.Id, Role = OccupantRole.Owner, Kind = OccupantKind.Person, Name = "买家" + unit.Id };
        db.Occupants.Add(buyer);
        await db.SaveChangesAsync();
        return new SoldUnit(unit.Id, unit.Area, seller.Id, seller.Name, buyer.Id, buyer.Name);
    }

    public static async Task<SaveResult<OwnershipRow>> TransferAsync(AppFactory factory, string role, OwnershipTransfer form)
    {
        SaveResult<OwnershipRow>? result = null;
        await factory.AsAsync(role, async sp => result = await sp.GetRequiredService<TitleService>().TransferAsync(form));
        return result!;
    }

    public static async Task<OwnerOn?> OwnerOnAsync(AppFactory factory, int unitId, DateOnly day)
    {
        OwnerOn? owner = null;
        await factory.AsAsync(PropertyHub.Features.Accounts.Roles.Clerk, async sp => owner = await sp.GetRequiredService<TitleService>().OwnerOnAsync(unitId, day));
        return owner;
    }

    /// <summary>The seller on file since 2020-05-01, the buyer from <paramref name="transfer"/>.</summary>
    public static async Task SellAsync(AppFactory factory, SoldUnit unit, DateOnly transfer)
    {
        var first = await TransferAsync(factory, PropertyHub.Features.Accounts.Roles.Clerk,
            new OwnershipTransfer { UnitId = unit.UnitId, OwnerId = unit.SellerId, From = new(2020, 5, 1), CertificateNumber = "沪房地浦字(2020)第001号", PurchaseContract = "HT-2020-0001" });
        Assert.True(first.Succeeded, string.Join("; ", first.Errors.Select(e => e.Message)));
        var sale = await TransferAsync(factory, PropertyHub.Features.Accounts.Roles.Clerk,
            new OwnershipTransfer { UnitId = unit.UnitId, AfterSequence = 1, OwnerId = unit.BuyerId, From = transfer, PaymentProof = "转账回单 20261210" });
        Assert.True(sale.Succeeded, string.Join("; ", sale.Errors.Select(e => e.Message)));
    }

    /// <summary>Runs the month's payment requests as the system does (no one signed in).</summary>
    public static async Task IssueAsync(ClockedAppFactory factory, DateOnly month)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PaymentRequestIssuer>().IssueAsync(month, CancellationToken.None);
    }
}
