namespace PropertyHub.Features.Registry;

/// <summary>
/// A building as people write it: its name ("1号楼"), never the code and the name run together ("1 1号楼"). The code
/// is added only where the name alone would not tell two buildings apart, or where there is no name.
/// </summary>
public static class BuildingNames
{
    public static string Of(string code, string? name) =>
        string.IsNullOrWhiteSpace(name) ? code : name.Trim();

    /// <summary>The labels of a set of buildings shown together (keyed by id): a name shared by two gets its code.</summary>
    public static IReadOnlyDictionary<int, string> Of(IEnumerable<(int Id, string Code, string? Name)> buildings)
    {
        var all = buildings.ToList();
        var shared = all.GroupBy(b => Of(b.Code, b.Name), StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        return all.ToDictionary(b => b.Id, b =>
        {
            var label = Of(b.Code, b.Name);
            return shared.Contains(label) && label != b.Code ? $"{label} ({b.Code})" : label;
        });
    }
}
