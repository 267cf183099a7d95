using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Data;

/// <summary>
/// The VipOneNotion migration's data step on SQLite: a flagged occupant without a profile gets one with the estate's
/// defaults and the first active Manager as service manager; a profile whose occupant was unflagged is marked ended.
/// </summary>
public sealed class VipOneNotionMigrationTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"vip-one-notion-{Guid.NewGuid():N}.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(file);
    }

    [Fact]
    public async Task Upgrade_FlaggedWithoutProfile_GetsOneWithTheEstatesDefaults_UnflaggedProfileEnded()
    {
        await using var db = new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite($"Data Source={file}").Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var vipOneNotion = migrations.Single(m => m.EndsWith("_VipPapersMoveInFundRepairs", StringComparison.Ordinal));
        await migrator.MigrateAsync(migrations[migrations.IndexOf(vipOneNotion) - 1]);

        var estate = new Estate { Name = "E", OfficeName = "O", Calendar = new() { TimeZoneId = "Asia/Shanghai" } };
        var unit = new Unit { Number = "101", Floor = 1, Area = 90 };
        estate.Buildings.Add(new Building { Code = "1", Name = "1号楼", Units = { unit } });
        Occupant Person(string name, bool vip) => new() { Name = name, IsVip = vip, VipNotes = vip ? "来电优先" : null };
        var (flagged, unflagged, both) = (Person("甲", true), Person("乙", false), Person("丙", true));
        unit.Occupants.AddRange([flagged, unflagged, both]);
        db.Estates.Add(estate);
        var roles = new[] { Roles.Engineer, Roles.Supervisor, Roles.Manager }.Select(r => new IdentityRole(r) { NormalizedName = r.ToUpperInvariant() }).ToList();
        db.Roles.AddRange(roles);
        var users = new[] { ("a-engineer", "黄工"), ("b-supervisor", "陈主管"), ("c-manager", "林经理") }
            .Select(u => new AppUser { Id = u.Item1, UserName = u.Item1, DisplayName = u.Item2, Surname = u.Item2[..1] }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        db.UserRoles.AddRange(users.Select((u, i) => new IdentityUserRole<string> { UserId = u.Id, RoleId = roles[i].Id }));
        await db.SaveChangesAsync();
        foreach (var occupant in new[] { unflagged, both })
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "VipProfiles" ("OccupantId", "Reason", "ServiceManagerId", "ServiceManagerName", "ReviewOn", "Version")
                VALUES ({0}, '业委会', 'b-supervisor', '陈主管', '2027-01-01', 0)
                """, occupant.Id);

        await migrator.MigrateAsync();

        db.ChangeTracker.Clear();
        var profiles = await db.VipProfiles.AsNoTracking().ToDictionaryAsync(v => v.OccupantId);
        var made = profiles[flagged.Id];
        Assert.Equal(("c-manager", "林经理", "来电优先", (int?)null, (DateTimeOffset?)null), (made.ServiceManagerId, made.ServiceManagerName, made.Notes, made.ComplaintReplyHours, made.EndedAt));
        Assert.Contains("VIP", made.Reason);
        Assert.NotNull(profiles[unflagged.Id].EndedAt);
        Assert.Null(profiles[both.Id].EndedAt);
        Assert.Equal([true, false, true], await db.Occupants.OrderBy(o => o.Id).Select(o => o.IsVip).ToListAsync());
    }
}
