using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;
using PropertyHub.Features.Languages;

namespace PropertyHub.Features.Registry.Import;

/// <summary>
/// Checks parsed rows against the registry rules and the estate as stored, and works out what an import would do:
/// units are matched by building code and unit number, occupants of a unit by role and name.
/// </summary>
public sealed class RegistryImportValidator(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxVipNotesLength = 1000;

    public async Task<ImportPreview> ValidateAsync(int estateId, IReadOnlyList<ImportRow> rows, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var buildings = await LoadEstateAsync(db, estateId, tracking: false, ct);
        return Validate(estateId, rows, buildings);
    }

    internal static Task<List<Building>> LoadEstateAsync(AppDbContext db, int estateId, bool tracking, CancellationToken ct)
    {
        var query = db.Buildings.Where(b => b.EstateId == estateId).Include(b => b.Units).ThenInclude(u => u.Occupants).AsSplitQuery();
        return (tracking ? query : query.AsNoTracking()).ToListAsync(ct);
    }

    internal static ImportPreview Validate(int estateId, IReadOnlyList<ImportRow> rows, IReadOnlyList<Building> stored)
    {
        var buildings = stored.ToDictionary(b => b.Code, StringComparer.Ordinal);
        var storedUnits = stored.SelectMany(b => b.Units.Select(u => (Key: (b.Code, u.Number), Unit: u))).ToDictionary(x => x.Key, x => x.Unit);
        var errors = new List<ImportError>();
        var plans = new Dictionary<(string Building, string Unit), (UnitPlan Plan, int Row)>();
        var buildingNames = new Dictionary<string, (string Name, int Row)>(StringComparer.Ordinal);
        var occupantRows = new Dictionary<(string, string, string), int>();

        foreach (var row in rows)
        {
            var rowErrors = new List<ImportError>();
            void Add(ImportColumn column, MessageSource source, string key, params object[] args) =>
                rowErrors.Add(new ImportError(row.Number, column, new ImportMessage(source, key, args)));
            void AddNumberError(ImportColumn column, string key)
            {
                if (row[column] is not { } cell)
                    Add(column, MessageSource.Import, "ValueRequired");
                else if (TypedText.HasOtherDigits(cell))
                    Add(column, MessageSource.Registry, "DigitsNotAscii");
                else
                    Add(column, MessageSource.Import, key, cell);
            }

            var code = row[ImportColumn.BuildingCode];
            buildings.TryGetValue(code ?? "", out var building);
            var buildingName = row[ImportColumn.BuildingName] ?? building?.Name;
            foreach (var v in RegistryRules.CheckBuilding(code, buildingName))
                Add(v.Field == nameof(Building.Code) ? ImportColumn.BuildingCode : ImportColumn.BuildingName, MessageSource.Registry, v.MessageKey, v.Arguments);

            var number = row[ImportColumn.UnitNumber];
            var floorOk = int.TryParse(row[ImportColumn.Floor], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var floor);
            if (!floorOk)
                AddNumberError(ImportColumn.Floor, "NotAWholeNumber");
            var areaOk = decimal.TryParse(row[ImportColumn.Area], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var area);
            if (!areaOk)
                AddNumberError(ImportColumn.Area, "NotANumber");
            foreach (var v in RegistryRules.CheckUnit(number, floorOk ? floor : 0, areaOk ? area : 1))
                Add(Enum.Parse<ImportColumn>(v.Field == nameof(Unit.Number) ? nameof(ImportColumn.UnitNumber) : v.Field), MessageSource.Registry, v.MessageKey, v.Arguments);
            var use = UnitUse.Residential;
            if (row[ImportColumn.Use] is not { } useText)
                Add(ImportColumn.Use, MessageSource.Import, "ValueRequired");
            else if (!ImportColumns.TryUse(useText, out use))
                Add(ImportColumn.Use, MessageSource.Import, "UseInvalid", useText);

            var occupant = ReadOccupant(row, storedUnits.GetValueOrDefault((code ?? "", number ?? "")), Add);

            if (rowErrors.Count == 0)
            {
                var plan = new UnitPlan(code!, buildingName!.Trim(), number!, floor, area, use);
                var unitKey = (plan.BuildingCode, plan.Number);
                if (buildingNames.TryGetValue(plan.BuildingCode, out var seenName) && seenName.Name != plan.BuildingName)
                    Add(ImportColumn.BuildingName, MessageSource.Import, "BuildingNameConflict", plan.BuildingCode, seenName.Row);
                else
                    buildingNames.TryAdd(plan.BuildingCode, (plan.BuildingName, row.Number));

                if (!plans.TryGetValue(unitKey, out var seen))
                {
                    var existing = storedUnits.GetValueOrDefault(unitKey);
                    seen = (plan with { ExistingBuildingId = building?.Id, ExistingUnitId = existing?.Id, ExistingUnitVersion = existing?.Version ?? 0 }, row.Number);
                    plans[unitKey] = seen;
                }
                else if (seen.Plan.Floor != plan.Floor || seen.Plan.Area != plan.Area || seen.Plan.Use != plan.Use)
                {
                    Add(ImportColumn.UnitNumber, MessageSource.Import, "UnitRowsConflict", plan.Number, seen.Row);
                }

                // A row already reported (a conflicting unit row) is not also reported as a duplicate.
                var occupantKey = (plan.BuildingCode, plan.Number, occupant is null ? "" : $"{occupant.Role}|{occupant.Name}");
                if (rowErrors.Count == 0 && occupantRows.TryGetValue(occupantKey, out var firstRow))
                    Add(occupant is null ? ImportColumn.UnitNumber : ImportColumn.OccupantName, MessageSource.Import, "RowDuplicate", firstRow);
                else
                    occupantRows.TryAdd(occupantKey, row.Number);

                if (rowErrors.Count == 0 && occupant is not null)
                    seen.Plan.Occupants.Add(occupant);
            }
            errors.AddRange(rowErrors);
        }

        var unitPlans = plans.Values.Select(p => p.Plan).ToList();
        MatchExistingOccupants(unitPlans, stored);
        return new ImportPreview
        {
            EstateId = estateId,
            Errors = errors,
            Rows = rows.Count,
            Sample = rows.Take(ImportSampleRow.Size).Select(ImportSampleRow.Of).ToList(),
            NewBuildings = unitPlans.Where(p => p.ExistingBuildingId is null).Select(p => p.BuildingCode).Distinct().Count(),
            RenamedBuildings = buildingNames.Count(n => buildings.TryGetValue(n.Key, out var b) && b.Name != n.Value.Name),
            NewUnits = unitPlans.Count(p => p.ExistingUnitId is null),
            UpdatedUnits = unitPlans.Count(p => p.ExistingUnitId is not null),
            NewOccupants = unitPlans.Sum(p => p.Occupants.Count(o => o.ExistingId is null)),
            UpdatedOccupants = unitPlans.Sum(p => p.Occupants.Count(o => o.ExistingId is not null)),
            Plan = errors.Count == 0 ? unitPlans : [],
        };
    }

    private static OccupantPlan? ReadOccupant(ImportRow row, Unit? existingUnit, Action<ImportColumn, MessageSource, string, object[]> add)
    {
        ImportColumn[] occupantColumns = [ImportColumn.OccupantRole, ImportColumn.OccupantKind, ImportColumn.OccupantName, ImportColumn.Phone,
            ImportColumn.Phone2, ImportColumn.Email, ImportColumn.IdNumber, ImportColumn.IsVip, ImportColumn.VipNotes];
        if (occupantColumns.All(c => row[c] is null))
            return null;

        var role = OccupantRole.Owner;
        if (row[ImportColumn.OccupantRole] is { } roleText && !ImportColumns.TryRole(roleText, out role))
            add(ImportColumn.OccupantRole, MessageSource.Import, "RoleInvalid", [roleText]);
        var kind = OccupantKind.Person;
        if (row[ImportColumn.OccupantKind] is { } kindText && !ImportColumns.TryKind(kindText, out kind))
            add(ImportColumn.OccupantKind, MessageSource.Import, "KindInvalid", [kindText]);
        // VIP is the VIP profile's (the manager's, with the service agreed): the column may only say what the registry
        // has, as an export does; empty leaves it as it is. A row that would make or end a VIP is refused.
        if (row[ImportColumn.IsVip] is { } vipText)
        {
            var name = row[ImportColumn.OccupantName]?.Trim();
            var isVipNow = existingUnit?.Occupants.Any(o => o.Role == role && o.Name == name && o.IsVip) == true;
            if (!ImportColumns.TryBoolean(vipText, out var isVip))
                add(ImportColumn.IsVip, MessageSource.Import, "YesNoInvalid", [vipText]);
            else if (isVip != isVipNow)
                add(ImportColumn.IsVip, MessageSource.Import, "VipByProfile", [vipText, isVipNow ? "VIP" : "—"]);
        }
        var language = Cultures.SimplifiedChinese;
        if (row[ImportColumn.PreferredLanguage] is { } languageText && !ImportColumns.TryLanguage(languageText, out language))
            add(ImportColumn.PreferredLanguage, MessageSource.Registry, "LanguageInvalid", []);
        var notes = row[ImportColumn.VipNotes];
        if (notes is { Length: > MaxVipNotesLength })
            add(ImportColumn.VipNotes, MessageSource.Import, "TextTooLong", [MaxVipNotesLength]);

        // An export for staff who may not see ID numbers carries them masked; such a cell keeps the stored number.
        var idNumber = row[ImportColumn.IdNumber];
        var keepId = false;
        if (idNumber is not null && idNumber.Contains('*', StringComparison.Ordinal))
        {
            var name = row[ImportColumn.OccupantName]?.Trim();
            keepId = existingUnit?.Occupants.Any(o => o.Role == role && o.Name == name && IdNumbers.Mask(o.IdNumber) == idNumber) == true;
            if (!keepId)
                add(ImportColumn.IdNumber, MessageSource.Import, "IdNumberMasked", []);
            idNumber = null;
        }

        foreach (var v in RegistryRules.CheckOccupant(kind, row[ImportColumn.OccupantName], row[ImportColumn.Phone], row[ImportColumn.Phone2],
                     row[ImportColumn.Email], idNumber, language))
            add(v.Field == nameof(Occupant.Name) ? ImportColumn.OccupantName : Enum.Parse<ImportColumn>(v.Field), MessageSource.Registry, v.MessageKey, v.Arguments);

        return new OccupantPlan(null, 0, role, kind, row[ImportColumn.OccupantName]?.Trim() ?? "", row[ImportColumn.Phone], row[ImportColumn.Phone2],
            row[ImportColumn.Email], idNumber?.ToUpperInvariant(), keepId, notes, language);
    }

    private static void MatchExistingOccupants(List<UnitPlan> plans, IReadOnlyList<Building> stored)
    {
        var units = stored.SelectMany(b => b.Units).ToDictionary(u => u.Id);
        foreach (var plan in plans.Where(p => p.ExistingUnitId is not null))
        {
            var available = units[plan.ExistingUnitId!.Value].Occupants.ToList();
            for (var i = 0; i < plan.Occupants.Count; i++)
            {
                var wanted = plan.Occupants[i];
                var match = available.FirstOrDefault(o => o.Role == wanted.Role && o.Name == wanted.Name);
                if (match is null)
                    continue;
                available.Remove(match);
                plan.Occupants[i] = wanted with { ExistingId = match.Id, ExistingVersion = match.Version };
            }
        }
    }
}
