using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Registry;

/// <summary>The registry's enum values in the user's language.</summary>
public static class RegistryLabels
{
    public static string Label(this IStringLocalizer<RegistryText> text, UnitUse use) => text["Use." + use];

    public static string Label(this IStringLocalizer<RegistryText> text, OccupantRole role) => text["Role." + role];

    public static string Label(this IStringLocalizer<RegistryText> text, OccupantKind kind) => text["Kind." + kind];

    /// <summary>The share of units with at least one occupant, as a whole percentage.</summary>
    public static int OccupancyPercent(this BuildingNode building) =>
        building.UnitCount == 0 ? 0 : (int)Math.Round(100m * building.OccupiedCount / building.UnitCount, MidpointRounding.AwayFromZero);
}
