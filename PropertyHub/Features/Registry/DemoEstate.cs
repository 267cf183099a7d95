using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Registry;

/// <summary>
/// A demo estate of three buildings and 300 units with plausible occupants, for trying the product.
/// Phone numbers are in the 139-0000 range and ID numbers are generated, so none belongs to anyone.
/// </summary>
public sealed class DemoEstate(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, Settings.EstateTime estateTime, TimeProvider clock, ILogger<DemoEstate> logger)
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "邓", "冯", "韩", "曹", "曾"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "志强", "晓东", "婷婷", "雪梅", "海燕", "文斌"];
    private static readonly string[] Companies = ["福州闽江贸易有限公司", "福建海峡科技有限公司", "榕城设计事务所", "福州鼓楼区百信药房", "心家泊便利店"];

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.SeedDemoData, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.Estates.AnyAsync(ct))
            return;

        var random = new Random(20261127);
        // A new estate starts in the configured default zone (PropertyHub:TimeZone); the admin may change it on its calendar.
        var estate = new Estate { Name = "心家泊花园", OfficeName = "心家泊管理处", Calendar = new() { TimeZoneId = estateTime.DefaultZoneId } };
        var phone = 0;
        for (var b = 1; b <= 3; b++)
        {
            var building = new Building { Code = b.ToString(), Name = $"{b}号楼" };
            estate.Buildings.Add(building);
            for (var floor = 1; floor <= 20; floor++)
            {
                for (var room = 1; room <= 5; room++)
                {
                    var commercial = b == 3 && floor == 1;
                    var unit = new Unit
                    {
                        Number = $"{floor}{room:00}",
                        Floor = floor,
                        Area = commercial ? 120.50m + room * 10 : b == 2 && floor <= 3 ? 180.00m : 89.60m + room * 7.35m,
                        Use = commercial ? UnitUse.Commercial : b == 2 && floor <= 3 ? UnitUse.Office : UnitUse.Residential,
                    };
                    building.Units.Add(unit);
                    if (random.Next(100) < 8)
                        continue; // vacant
                    var company = unit.Use != UnitUse.Residential;
                    unit.Occupants.Add(NewOccupant(random, OccupantRole.Owner, company, ++phone));
                    if (!company && random.Next(100) < 12)
                        unit.Occupants.Add(NewOccupant(random, OccupantRole.Tenant, false, ++phone));
                }
            }
        }
        db.Estates.Add(estate);
        await AddVipProfilesAsync(db, estate, ct);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Seeded demo estate with {Buildings} buildings and {Units} units", estate.Buildings.Count, estate.Buildings.Sum(b => b.Units.Count));
    }

    /// <summary>
    /// Every occupant the demo marks VIP gets the service agreed with them (P1§12), with the demo supervisor as service
    /// manager, so intake, the queue and the wallboard show them as any VIP; without that user none is marked VIP.
    /// </summary>
    private async Task AddVipProfilesAsync(AppDbContext db, Estate estate, CancellationToken ct)
    {
        var email = Accounts.DemoUsers.All.Single(u => u.Role == Accounts.Roles.Supervisor).Email;
        var manager = await db.Users.AsNoTracking().Where(u => u.Email == email).Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        var review = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), estateTime.DefaultZone).DateTime).AddDays(90);
        foreach (var occupant in estate.Buildings.SelectMany(b => b.Units).SelectMany(u => u.Occupants).Where(o => o.IsVip))
        {
            if (manager is null)
            {
                occupant.IsVip = false;
                occupant.VipNotes = null;
                continue;
            }
            db.VipProfiles.Add(new OccupantFile.Vip.VipProfile
            {
                Occupant = occupant, Reason = occupant.VipNotes!, ServiceManagerId = manager.Id, ServiceManagerName = manager.DisplayName, ReviewOn = review,
            });
        }
    }

    private static Occupant NewOccupant(Random random, OccupantRole role, bool company, int serial)
    {
        var name = company
            ? Companies[random.Next(Companies.Length)]
            : Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];
        var occupant = new Occupant
        {
            Role = role,
            Kind = company ? OccupantKind.Company : OccupantKind.Person,
            Name = name,
            Phone = $"1390000{serial:0000}",
            Email = random.Next(100) < 40 ? $"occupant{serial}@example.com" : null,
            IdNumber = company ? $"91350100MA{serial:00000000}" : PersonId(random),
            IsVip = random.Next(100) < 3,
            PreferredLanguage = random.Next(100) < 90 ? "zh-Hans" : "zh-Hant",
        };
        if (occupant.IsVip)
            occupant.VipNotes = "业主委员会成员，来电优先处理";
        return occupant;
    }

    private static string PersonId(Random random)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(365 * 50));
        var first17 = $"350102{birth:yyyyMMdd}{random.Next(1000):000}";
        return first17 + IdNumbers.CheckCharacter(first17);
    }
}
