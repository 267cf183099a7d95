using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Fees;

/// <summary>The demo estate's fee standard: management and equipment operating fees per m², refuse collection per unit.</summary>
public sealed class DemoFees(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeedDemoData, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var estate = await db.Estates.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        if (estate is null || await db.FeeItems.AnyAsync(ct))
            return;
        var now = clock.GetUtcNow();
        var from = new DateOnly(now.Year, 1, 1);
        db.FeeItems.AddRange(
            Item(estate.Value, 1, "management", "物业管理费", "物業管理費", "Property management fee", FeeBasis.PerSquareMetre, 2.80m, 4.50m, 6.00m),
            Item(estate.Value, 2, "equipment", "房屋设备运行费", "房屋設備運行費", "Building equipment operating fee", FeeBasis.PerSquareMetre, 0.60m, 0.80m, 1.00m),
            Item(estate.Value, 3, "refuse", "垃圾清运费", "垃圾清運費", "Refuse collection fee", FeeBasis.PerUnit, 10.00m, 30.00m, 50.00m));
        await db.SaveChangesAsync(ct);

        FeeItem Item(int estateId, int order, string code, string hans, string hant, string en, FeeBasis basis, decimal home, decimal office, decimal shop) => new()
        {
            EstateId = estateId,
            Order = order,
            Code = code,
            NameHans = hans,
            NameHant = hant,
            NameEn = en,
            Basis = basis,
            Rates =
            [
                new() { Use = UnitUse.Residential, Amount = home, EffectiveFrom = from, CreatedAt = now, CreatedBy = "system" },
                new() { Use = UnitUse.Office, Amount = office, EffectiveFrom = from, CreatedAt = now, CreatedBy = "system" },
                new() { Use = UnitUse.Commercial, Amount = shop, EffectiveFrom = from, CreatedAt = now, CreatedBy = "system" },
            ],
        };
    }
}
