namespace PropertyHub.Features.Registry.Import;

/// <summary>One data row of the sheet as text; <see cref="Number"/> is its row number in the file (header = 1).</summary>
public sealed class ImportRow(int number, IReadOnlyDictionary<ImportColumn, string> cells)
{
    public int Number { get; } = number;

    /// <summary>The trimmed cell of a column, or null when the column is absent or the cell blank.</summary>
    public string? this[ImportColumn column] => cells.TryGetValue(column, out var value) && value.Length > 0 ? value : null;
}

/// <summary>Which resource set a message key belongs to.</summary>
public enum MessageSource
{
    Import,
    Registry,
}

/// <summary>A message to show in the user's language: a key of ImportText or RegistryText and its arguments.</summary>
public sealed record ImportMessage(MessageSource Source, string Key, params object[] Arguments);

/// <summary>A problem with one cell of one row.</summary>
public sealed record ImportError(int Row, ImportColumn? Column, ImportMessage Message);

/// <summary>The rows of a file, or why the file as a whole cannot be read.</summary>
public sealed record ImportParseResult(IReadOnlyList<ImportRow> Rows, ImportMessage? FileError)
{
    public static ImportParseResult Failed(string key, params object[] arguments) => new([], new ImportMessage(MessageSource.Import, key, arguments));
}

/// <summary>What the import would do, the row errors that stop it, and the plan the commit carries out.</summary>
public sealed class ImportPreview
{
    public required int EstateId { get; init; }
    public required IReadOnlyList<ImportError> Errors { get; init; }
    public int Rows { get; init; }
    public int NewBuildings { get; init; }
    public int RenamedBuildings { get; init; }
    public int NewUnits { get; init; }
    public int UpdatedUnits { get; init; }
    public int NewOccupants { get; init; }
    public int UpdatedOccupants { get; init; }
    /// <summary>The first rows as the file was decoded, so the person sees the names read right before committing.</summary>
    public IReadOnlyList<ImportSampleRow> Sample { get; init; } = [];
    public bool CanCommit => Errors.Count == 0 && Plan.Count > 0;
    internal IReadOnlyList<UnitPlan> Plan { get; init; } = [];
}

/// <summary>One row of the file as decoded: its building, unit and occupant as written in the file (null where blank).</summary>
public sealed record ImportSampleRow(int Row, string? BuildingCode, string? BuildingName, string? Unit, string? Occupant, string? Role)
{
    public const int Size = 10;

    public static ImportSampleRow Of(ImportRow row) => new(row.Number, row[ImportColumn.BuildingCode], row[ImportColumn.BuildingName],
        row[ImportColumn.UnitNumber], row[ImportColumn.OccupantName], row[ImportColumn.OccupantRole]);
}

internal sealed record OccupantPlan(
    int? ExistingId, int ExistingVersion, OccupantRole Role, OccupantKind Kind, string Name, string? Phone, string? Phone2,
    string? Email, string? IdNumber, bool KeepIdNumber, string? VipNotes, string PreferredLanguage);

internal sealed record UnitPlan(string BuildingCode, string BuildingName, string Number, int Floor, decimal Area, UnitUse Use)
{
    public int? ExistingBuildingId { get; init; }
    public int? ExistingUnitId { get; init; }
    public int ExistingUnitVersion { get; init; }
    public List<OccupantPlan> Occupants { get; } = [];
}

/// <summary>The outcome of a commit: what was written, or why nothing was.</summary>
public sealed record ImportCommitResult(bool Succeeded, ImportMessage? Message, ImportPreview? Preview = null)
{
    public static ImportCommitResult Refused(string key, params object[] arguments) => new(false, new ImportMessage(MessageSource.Import, key, arguments));
}
