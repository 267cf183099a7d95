using Microsoft.EntityFrameworkCore;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Audit;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

public sealed class RegistryServiceTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private async Task<(int BuildingId, int UnitCount)> BuildingAsync(string code)
    {
        await using var db = await factory.CreateDbContextAsync();
        var building = await db.Buildings.SingleAsync(b => b.Code == code);
        return (building.Id, await db.Units.CountAsync(u => u.BuildingId == building.Id));
    }

    [Fact]
    public async Task SaveUnit_EmptyNumber_ReturnsNumberViolationAndWritesNothing()
    {
        var (buildingId, before) = await BuildingAsync("1");
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            var result = await registry.SaveUnitAsync(new UnitForm { BuildingId = buildingId, Number = "  ", Floor = 3, Area = 80m });
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            Assert.NotNull(result.ErrorFor(nameof(Unit.Number)));
        });
        Assert.Equal(before, (await BuildingAsync("1")).UnitCount);
    }

    [Fact]
    public async Task SaveUnit_DuplicateNumberInBuilding_ReturnsDuplicateMessageInChinese()
    {
        var (buildingId, before) = await BuildingAsync("1");
        await RegistryTesting.InCultureAsync("zh-Hans", () => factory.AsAsync(Roles.Clerk, async registry =>
        {
            var result = await registry.SaveUnitAsync(new UnitForm { BuildingId = buildingId, Number = " 1201 ", Floor = 12, Area = 90m });
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            Assert.Equal("本楼栋已有单元 1201。", result.ErrorFor(nameof(Unit.Number)));
        }));
        Assert.Equal(before, (await BuildingAsync("1")).UnitCount);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("0")]
    [InlineData("20000")]
    [InlineData("80.555")]
    public async Task SaveUnit_AreaOutOfRange_ReturnsAreaViolationAndWritesNothing(string area)
    {
        var (buildingId, before) = await BuildingAsync("2");
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            var result = await registry.SaveUnitAsync(new UnitForm { BuildingId = buildingId, Number = "2199", Floor = 21, Area = decimal.Parse(area, System.Globalization.CultureInfo.InvariantCulture) });
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            Assert.NotNull(result.ErrorFor(nameof(Unit.Area)));
            Assert.Null(result.ErrorFor(nameof(Unit.Number)));
        });
        Assert.Equal(before, (await BuildingAsync("2")).UnitCount);
    }

    [Fact]
    public async Task SaveUnit_NewValidUnit_StoredTrimmedWithCreatedAuditEntry()
    {
        var (buildingId, before) = await BuildingAsync("3");
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            var result = await registry.SaveUnitAsync(new UnitForm { BuildingId = buildingId, Number = " 2101 ", Floor = 21, Area = 95.5m, Use = UnitUse.Residential });
            Assert.Equal(SaveOutcome.Saved, result.Outcome);
        });
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.SingleAsync(u => u.BuildingId == buildingId && u.Number == "2101");
        Assert.Equal(before + 1, await db.Units.CountAsync(u => u.BuildingId == buildingId));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(Unit) && a.EntityId == unit.Id);
        Assert.Equal(AuditAction.Created, audit.Action);
        Assert.Contains(audit.Changes, c => c.Field == nameof(Unit.Number) && c.New == "2101");
    }

    [Fact]
    public async Task SaveOccupant_BadPhoneEmailAndId_ReturnsEachFieldsMessageAndWritesNothing()
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().OrderBy(o => o.Id).Where(o => o.Kind == OccupantKind.Person).Skip(5).FirstAsync();
        var entriesBefore = await db.AuditEntries.CountAsync();
        await RegistryTesting.InCultureAsync("zh-Hans", () => factory.AsAsync(Roles.Manager, async registry =>
        {
            var form = (await registry.GetOccupantFormAsync(occupant.Id))!;
            form.Name = "改名测试";
            form.Phone = "abc";
            form.Email = "someone@";
            form.IdNumber = "35010219800101";
            var result = await registry.SaveOccupantAsync(form);
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            Assert.Equal("请输入有效的手机号（11 位）或固定电话（如 0591-12345678）。", result.ErrorFor(nameof(Occupant.Phone)));
            Assert.Equal("电子邮箱格式不正确。", result.ErrorFor(nameof(Occupant.Email)));
            Assert.Equal("证件号码须为 18 位。", result.ErrorFor(nameof(Occupant.IdNumber)));
            Assert.Null(result.ErrorFor(nameof(Occupant.Name)));
        }));
        await using var after = await factory.CreateDbContextAsync();
        var stored = await after.Occupants.AsNoTracking().SingleAsync(o => o.Id == occupant.Id);
        Assert.Equal(occupant.Name, stored.Name);
        Assert.Equal(occupant.Phone, stored.Phone);
        Assert.Equal(occupant.Version, stored.Version);
        Assert.Equal(entriesBefore, await after.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task SaveOccupant_ValidEdit_SavedWithAuditOfOldAndNewValues()
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().OrderBy(o => o.Id).Skip(10).FirstAsync();
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            var form = (await registry.GetOccupantFormAsync(occupant.Id))!;
            form.Phone = " 13812345678 ";
            form.Email = "new.owner@example.com";
            var result = await registry.SaveOccupantAsync(form);
            Assert.Equal(SaveOutcome.Saved, result.Outcome);
            Assert.Equal(occupant.Version + 1, result.Value!.Version);
        });
        await using var after = await factory.CreateDbContextAsync();
        var stored = await after.Occupants.AsNoTracking().SingleAsync(o => o.Id == occupant.Id);
        Assert.Equal("13812345678", stored.Phone);
        Assert.Equal(occupant.IdNumber, stored.IdNumber); // the clerk never saw it, left it empty: kept
        var audit = await after.AuditEntries.Where(a => a.EntityType == nameof(Occupant) && a.EntityId == occupant.Id && a.Action != AuditAction.Created).SingleAsync();
        Assert.Equal(AuditAction.Changed, audit.Action);
        Assert.Equal("王小芳", audit.UserName);
        var phone = Assert.Single(audit.Changes, c => c.Field == nameof(Occupant.Phone));
        Assert.Equal((occupant.Phone, "13812345678"), (phone.Old, phone.New));
        Assert.True(phone.IsPersonal);
        Assert.DoesNotContain(audit.Changes, c => c.Field == nameof(Occupant.IdNumber));
    }

    [Fact]
    public async Task SaveUnit_ConcurrentEdit_SecondWriterGetsConflictAndFirstChangeStays()
    {
        await using var db = await factory.CreateDbContextAsync();
        var unitId = await db.Units.Where(u => u.Building!.Code == "2" && u.Number == "505").Select(u => u.Id).SingleAsync();
        UnitForm? first = null, second = null;
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            first = await registry.GetUnitFormAsync(unitId);
            second = await registry.GetUnitFormAsync(unitId);
        });
        first!.Area = 101.25m;
        second!.Area = 202.50m;
        await factory.AsAsync(Roles.Clerk, async registry => Assert.Equal(SaveOutcome.Saved, (await registry.SaveUnitAsync(first)).Outcome));
        await factory.AsAsync(Roles.Supervisor, async registry =>
        {
            var result = await registry.SaveUnitAsync(second);
            Assert.Equal(SaveOutcome.Conflict, result.Outcome);
            Assert.NotNull(result.FormError);
            Assert.Equal(101.25m, result.Value!.Area);
            Assert.Equal(first.Version + 1, result.Value.Version);
        });
        await using var after = await factory.CreateDbContextAsync();
        Assert.Equal(101.25m, (await after.Units.AsNoTracking().SingleAsync(u => u.Id == unitId)).Area);
    }

    [Fact]
    public async Task SaveBuilding_EngineerMayNotEditRegistry_DeniedAndNothingWritten()
    {
        await using var db = await factory.CreateDbContextAsync();
        var estateId = await db.Estates.Select(e => e.Id).FirstAsync();
        await factory.AsAsync(Roles.Engineer, async registry =>
        {
            var result = await registry.SaveBuildingAsync(new BuildingForm { EstateId = estateId, Code = "9", Name = "9号楼" });
            Assert.Equal(SaveOutcome.Denied, result.Outcome);
        });
        Assert.False(await db.Buildings.AnyAsync(b => b.Code == "9"));
    }

    [Fact]
    public async Task SaveBuilding_DuplicateCode_ReturnsCodeViolation()
    {
        await using var db = await factory.CreateDbContextAsync();
        var estateId = await db.Estates.Select(e => e.Id).FirstAsync();
        await factory.AsAsync(Roles.Manager, async registry =>
        {
            var result = await registry.SaveBuildingAsync(new BuildingForm { EstateId = estateId, Code = "2", Name = "另一栋" });
            Assert.Equal(SaveOutcome.Invalid, result.Outcome);
            Assert.NotNull(result.ErrorFor(nameof(Building.Code)));
        });
        Assert.Equal(1, await db.Buildings.CountAsync(b => b.Code == "2"));
    }

    [Fact]
    public async Task GetUnit_IdNumbers_MaskedForClerkAndFullForManager()
    {
        await using var db = await factory.CreateDbContextAsync();
        var occupant = await db.Occupants.AsNoTracking().Where(o => o.IdNumber != null).OrderBy(o => o.Id).FirstAsync();
        await factory.AsAsync(Roles.Clerk, async registry =>
        {
            var shown = (await registry.GetUnitAsync(occupant.UnitId))!.Occupants.Single(o => o.Id == occupant.Id).IdNumberShown;
            Assert.Equal(IdNumbers.Mask(occupant.IdNumber), shown);
            Assert.NotEqual(occupant.IdNumber, shown);
            Assert.Null((await registry.GetOccupantFormAsync(occupant.Id))!.IdNumber);
        });
        await factory.AsAsync(Roles.Manager, async registry =>
        {
            var shown = (await registry.GetUnitAsync(occupant.UnitId))!.Occupants.Single(o => o.Id == occupant.Id).IdNumberShown;
            Assert.Equal(occupant.IdNumber, shown);
        });
    }
}
