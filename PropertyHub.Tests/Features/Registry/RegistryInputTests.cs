using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;
using PropertyHub.Resources;

namespace PropertyHub.Tests.Features.Registry;

/// <summary>The registry's forms store what people mean: full-width digits as ASCII, no invisible characters; other digits are refused.</summary>
public sealed class RegistryInputTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<int> BuildingIdAsync(string code)
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.Buildings.Where(b => b.Code == code).Select(b => b.Id).SingleAsync();
    }

    [Fact]
    public async Task SaveUnit_FullWidthNumber_IsStoredWithAsciiDigits()
    {
        var buildingId = await BuildingIdAsync("2");
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            var result = await registry.SaveUnitAsync(new UnitForm { BuildingId = buildingId, Number = "\u200B９９０１", Floor = 9, Area = 80m, Use = UnitUse.Residential });
            Assert.Equal(SaveOutcome.Saved, result.Outcome);
        });
        await using var db = await factory.CreateDbContextAsync();
        Assert.True(await db.Units.AnyAsync(u => u.BuildingId == buildingId && u.Number == "9901"));
    }

    [Fact]
    public async Task SaveUnit_ArabicIndicNumber_IsRefusedSayingSoAndWritesNothing()
    {
        var buildingId = await BuildingIdAsync("2");
        await using var db = await factory.CreateDbContextAsync();
        var before = await db.Units.CountAsync();
        await RegistryTesting.InCultureAsync("zh-Hant", () => factory.AsAsync(Roles.Clerk, async registry =>
        {
            var result = await registry.SaveUnitAsync(new UnitForm { BuildingId = buildingId, Number = "٩٩٠٢", Floor = 9, Area = 80m, Use = UnitUse.Residential });
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            Assert.Equal("請輸入數字 0–9：此值含有其他文字的數字（如 ٣ 或 ३）。", result.ErrorFor(nameof(Unit.Number)));
        }));
        Assert.Equal(before, await db.Units.CountAsync());
    }

    [Fact]
    public async Task SaveOccupant_FullWidthPhoneAndIdAndBidiName_AreStoredNormalised()
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().OrderBy(o => o.Id).Where(o => o.Kind == OccupantKind.Person).Skip(3).FirstAsync();
        await factory.AsAsync(Roles.Manager, async registry =>
        {
            var form = (await registry.GetOccupantFormAsync(occupant.Id))!;
            form.Name = "\u202Eevil\u202C 陈\u200B一";
            form.Phone = "１３９００００９９３１";
            form.Phone2 = "\u202A０５９１-１２３４５６７８\u202C";
            form.IdNumber = "１１０１０５１９４９１２３１００２ｘ";
            form.VipNotes = "\u2066喜欢早上联系\u2069";
            var result = await registry.SaveOccupantAsync(form);
            Assert.Equal(SaveOutcome.Saved, result.Outcome);
        });
        await using var after = await factory.CreateDbContextAsync();
        var stored = await after.Occupants.AsNoTracking().SingleAsync(o => o.Id == occupant.Id);
        Assert.Equal(("evil 陈一", "13900009931", "0591-12345678"), (stored.Name, stored.Phone, stored.Phone2));
        Assert.Equal(("11010519491231002X", "喜欢早上联系"), (stored.IdNumber, stored.VipNotes));
    }

    [Theory]
    [InlineData("١٣٩٠٠٠٠٩٩٣٢", null, "DigitsNotAscii", nameof(Occupant.Phone))]
    [InlineData("13900009932", "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "DigitsNotAscii", nameof(Occupant.IdNumber))]
    [InlineData("13900009932", "110105194912310021", "IdNumberInvalid", nameof(Occupant.IdNumber))]
    public async Task SaveOccupant_OtherDigitsOrWrongCheckDigit_AreRefusedAndChangeNothing(string phone, string? idNumber, string key, string field)
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().OrderBy(o => o.Id).Where(o => o.Kind == OccupantKind.Person).Skip(7).FirstAsync();
        var audit = await db.AuditEntries.CountAsync();
        await factory.AsAsync(Roles.Manager, async (registry, sp) =>
        {
            var form = (await registry.GetOccupantFormAsync(occupant.Id))!;
            form.Name = "改名";
            form.Phone = phone;
            form.IdNumber = idNumber ?? form.IdNumber;
            var result = await registry.SaveOccupantAsync(form);
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            var text = sp.GetRequiredService<IStringLocalizer<RegistryText>>();
            Assert.Equal(text[key].Value, result.ErrorFor(field));
        });
        await using var after = await factory.CreateDbContextAsync();
        var stored = await after.Occupants.AsNoTracking().SingleAsync(o => o.Id == occupant.Id);
        Assert.Equal((occupant.Name, occupant.Phone, occupant.IdNumber, occupant.Version), (stored.Name, stored.Phone, stored.IdNumber, stored.Version));
        Assert.Equal(audit, await after.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Search_FullWidthUnitNumber_FindsTheUnit()
    {
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.AsNoTracking().Include(u => u.Building).OrderBy(u => u.Id).FirstAsync();
        var fullWidth = string.Concat(unit.Number.Select(c => c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c));
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            var hits = await registry.SearchAsync(fullWidth);
            Assert.Contains(hits, h => h.UnitId == unit.Id);
        });
    }
}
