namespace PropertyHub.Features.OccupantFile.Documents;

/// <summary>
/// One kind on an occupant's checklist, with every paper of that kind on file (oldest received first); missing when
/// there is none.
/// </summary>
public sealed record ChecklistRow(int KindId, string KindName, bool Restricted, bool Retired, IReadOnlyList<PaperOnFile> Papers)
{
    public bool OnFile => Papers.Count > 0;
}

/// <summary>
/// One paper on file: original or copy, received on and by, where it came from, its scan and whether the reader may open it,
/// and, for a paper the app prints (a renovation's receipt), the page that prints it.
/// </summary>
public sealed record PaperOnFile(int DocumentId, bool IsOriginal, DateOnly ReceivedOn, string ReceivedBy, string? SourceNote, string? ScanName, bool MayOpen,
    string? PrintLink = null)
{
    public bool HasScan => ScanName is not null;
}

/// <summary>A paper put on file from the checklist's dialog (the scan, if any, is passed beside it).</summary>
public sealed class DocumentEntry
{
    /// <summary>The paper corrected; null adds a paper of the kind (the papers already on file stay).</summary>
    public int? DocumentId { get; set; }
    public int OccupantId { get; set; }
    public int KindId { get; set; }
    public bool IsOriginal { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public string? ReceivedBy { get; set; }
    public string? SourceNote { get; set; }
}

/// <summary>
/// A paper another module puts into an occupant's file (the move-in, a renovation): the kind, original or copy, the
/// day received, the stored file it already keeps (optional), where it came from, e.g. "Renovation 2026-0012", and for a
/// paper the app prints instead of a stored file (a receipt) the local address of its print page.
/// </summary>
public sealed record PaperForFile(int OccupantId, int KindId, bool IsOriginal, DateOnly ReceivedOn, Guid? FileId, string SourceNote, string? PrintLink = null);

/// <summary>
/// What a save did: the document's id, and whether the scan was the same file as one already on file (kept once). A paper
/// added with a scan already on a paper of its kind is that paper (<see cref="ScanUnchanged"/>): nothing is added.
/// </summary>
public sealed record DocumentSaved(int DocumentId, bool ScanKeptOnce, bool ScanUnchanged);

/// <summary>One opening of a scan, newest first.</summary>
public sealed record DocumentReadRow(string UserName, DateTimeOffset At, bool Download);

/// <summary>An occupant missing papers, for the building's report.</summary>
public sealed record MissingRow(int OccupantId, string OccupantName, int UnitId, string UnitNumber, int MissingCount, IReadOnlyList<string> MissingKinds);

public sealed record BuildingChoice(int Id, string Name, string EstateName);

/// <summary>The printable cover of an occupant's file with its contents list (檔案目錄).</summary>
public sealed record FileCover(int OccupantId, int UnitId, string EstateName, string BuildingName, string UnitNumber, string OccupantName, string Role,
    DateOnly PrintedOn, IReadOnlyList<ChecklistRow> Contents);

/// <summary>A kind of document as Admin edits it; Id 0 adds one.</summary>
public sealed class DocumentKindForm
{
    public int Id { get; set; }
    public string? NameEn { get; set; }
    public string? NameHans { get; set; }
    public string? NameHant { get; set; }
    public bool Restricted { get; set; }
}

public sealed record DocumentKindRow(int Id, string NameEn, string NameHans, string NameHant, bool Restricted, bool Retired, bool InUse);
