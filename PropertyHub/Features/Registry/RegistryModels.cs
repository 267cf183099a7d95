namespace PropertyHub.Features.Registry;

public sealed record EstateNode(int Id, string Name, IReadOnlyList<BuildingNode> Buildings);

public sealed record BuildingNode(int Id, int EstateId, string Code, string Name, int Version, int UnitCount, int OccupiedCount);

public sealed record UnitRow(int Id, string Number, int Floor, decimal Area, UnitUse Use, IReadOnlyList<string> OccupantNames);

public sealed record UnitDetail(int Id, int EstateId, int BuildingId, string BuildingCode, string BuildingName, string Number, int Floor, decimal Area, UnitUse Use, int Version,
    IReadOnlyList<OccupantView> Occupants)
{
    public string Address => $"{BuildingCode}-{Number}";
}

/// <summary>An occupant as shown to the current user: the ID number is masked unless the user may see it.</summary>
public sealed record OccupantView(int Id, int UnitId, OccupantRole Role, OccupantKind Kind, string Name, string? Phone, string? Phone2, string? Email,
    string? IdNumberShown, bool IsVip, string? VipNotes, string PreferredLanguage, int Version)
{
    /// <summary>Moved in (active, with the day) or awaiting the move-in; null when the occupant was handed no unit here.</summary>
    public MoveIn.MoveInMark? MoveIn { get; init; }
}

/// <summary>One line of the type-ahead search: an occupant, or a vacant unit found by its number.</summary>
public sealed record SearchHit(int UnitId, string BuildingCode, string UnitNumber, int? OccupantId, string? OccupantName, OccupantRole? Role, string? Phone, bool IsVip)
{
    /// <summary>The occupant's move-in mark, as on the unit page.</summary>
    public MoveIn.MoveInMark? MoveIn { get; init; }

    public string Address => $"{BuildingCode}-{UnitNumber}";
}

public sealed record RegistryCounts(int Buildings, int Units, int Occupants, int Vips);

public sealed class BuildingForm
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public string? Code { get; set; }
    public string? Name { get; set; }
    public int Version { get; set; }
}

public sealed class UnitForm
{
    public int Id { get; set; }
    public int BuildingId { get; set; }
    public string? Number { get; set; }
    public int Floor { get; set; } = 1;
    public decimal Area { get; set; }
    public UnitUse Use { get; set; }
    public int Version { get; set; }
}

public sealed class OccupantForm
{
    public int Id { get; set; }
    public int UnitId { get; set; }
    public OccupantRole Role { get; set; }
    public OccupantKind Kind { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Phone2 { get; set; }
    public string? Email { get; set; }

    /// <summary>
    /// The ID number as typed. For users who may not see ID numbers an edit form starts empty (the stored number is
    /// only shown masked in <see cref="IdNumberMasked"/>), and leaving it empty keeps the stored number.
    /// </summary>
    public string? IdNumber { get; set; }
    public string? IdNumberMasked { get; set; }
    /// <summary>Whether the occupant is VIP now: shown only. The VIP profile sets it (OccupantFile/Vip), never this form.</summary>
    public bool IsVip { get; set; }
    public string? VipNotes { get; set; }
    public string PreferredLanguage { get; set; } = Languages.Cultures.SimplifiedChinese;
    public int Version { get; set; }

    public OccupantForm Copy() => (OccupantForm)MemberwiseClone();
}
