using System.Data;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;

namespace PropertyHub.Features.Registry.Import;

public sealed record EstateChoice(int Id, string Name);

/// <summary>Writes the registry in the import's own sheet format, so an export can be edited and imported again.</summary>
public sealed class RegistryExporter(IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, ImportMessages messages)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public async Task<IReadOnlyList<EstateChoice>> EstatesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Estates.OrderBy(e => e.Id).Select(e => new EstateChoice(e.Id, e.Name)).ToListAsync(ct);
    }

    /// <summary>Every unit and occupant of the estate (the first estate when none is given), one row per occupant.</summary>
    public async Task<byte[]> ExportAsync(int? estateId, bool showIdNumbers, CancellationToken ct = default)
    {
        // Full phone numbers: the export follows the import's roles.
        await permissions.DemandAsync(Can.ImportRegistry, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        estateId ??= await db.Estates.OrderBy(e => e.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        var buildings = estateId is null ? [] : await RegistryImportValidator.LoadEstateAsync(db, estateId.Value, tracking: false, ct);
        var table = NewTable();
        foreach (var building in buildings.OrderBy(b => b.Code.Length).ThenBy(b => b.Code, StringComparer.Ordinal))
        {
            foreach (var unit in building.Units.OrderBy(u => u.Floor).ThenBy(u => u.Number.Length).ThenBy(u => u.Number, StringComparer.Ordinal))
            {
                object?[] unitCells = [building.Code, building.Name, unit.Number, unit.Floor, unit.Area, messages.Use(unit.Use)];
                if (unit.Occupants.Count == 0)
                    table.Rows.Add([.. unitCells, .. new object?[10]]);
                foreach (var o in unit.Occupants.OrderBy(o => o.Role).ThenBy(o => o.Id))
                {
                    table.Rows.Add([.. unitCells, messages.Role(o.Role), messages.Kind(o.Kind), o.Name, o.Phone, o.Phone2, o.Email,
                        showIdNumbers ? o.IdNumber : IdNumbers.Mask(o.IdNumber), messages.YesNo(o.IsVip), o.VipNotes, o.PreferredLanguage]);
                }
            }
        }
        return Save(table);
    }

    /// <summary>An empty sheet with the headers in the user's language.</summary>
    public byte[] Template() => Save(NewTable());

    private DataTable NewTable()
    {
        var table = new DataTable("Registry");
        foreach (var column in ImportColumns.All)
        {
            var type = column switch
            {
                ImportColumn.Floor => typeof(int),
                ImportColumn.Area => typeof(decimal),
                _ => typeof(string),
            };
            table.Columns.Add(messages.Column(column), type);
        }
        return table;
    }

    private static byte[] Save(DataTable table)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(table, sheetName: "Registry", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
