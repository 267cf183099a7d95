using PropertyHub.Data;
using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

/// <summary>
/// An estate whose units were entered out of order: buildings "10" and "2", units on floors 1, 2 and 10. Ordered by id or as
/// text ("10-1001" before "2-101") they come out wrong; naturally they read <see cref="Natural"/>.
/// </summary>
public static class OrderEstate
{
    public const string Name = "排序花园";

    /// <summary>The units in the order people count them.</summary>
    public static readonly IReadOnlyList<string> Natural = ["2-101", "2-102", "2-201", "2-1001", "10-101", "10-1001"];

    /// <summary>The order they are inserted in (so their ids say nothing).</summary>
    private static readonly string[] Inserted = ["10-1001", "2-1001", "10-101", "2-201", "2-102", "2-101"];

    /// <summary>Adds the estate, one owner per unit (named after the unit); returns the estate's id.</summary>
    public static async Task<int> SeedAsync(AppDbContext db)
    {
        var estate = new Estate { Name = Name, OfficeName = Name + "管理处" };
        var buildings = new Dictionary<string, Building>
        {
            ["10"] = new() { Code = "10", Name = "10号楼" },
            ["2"] = new() { Code = "2", Name = "2号楼" },
        };
        estate.Buildings.AddRange(buildings.Values);
        db.Estates.Add(estate);
        await db.SaveChangesAsync();
        foreach (var address in Inserted)
        {
            var (code, number) = (address.Split('-')[0], address.Split('-')[1]);
            var unit = new Unit { Number = number, Floor = int.Parse(number[..^2]), Area = 90m, BuildingId = buildings[code].Id };
            unit.Occupants.Add(new Occupant { Name = "业主" + address, Role = OccupantRole.Owner, Kind = OccupantKind.Person, Phone = "13900000000" });
            db.Units.Add(unit);
            // One at a time, so the ids follow the insertion order.
            await db.SaveChangesAsync();
        }
        return estate.Id;
    }
}
