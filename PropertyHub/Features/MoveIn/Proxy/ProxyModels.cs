namespace PropertyHub.Features.MoveIn;

/// <summary>A proxy service as agreed at the counter: the fee as typed (checked by <see cref="Fees.FeeRules.ParseAmount"/>).</summary>
public sealed class ProxyInput
{
    public int UnitId { get; set; }
    public int OccupantId { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public string? Fee { get; set; }
    public DateOnly? PromisedOn { get; set; }
}

public sealed record ProxyNoteRow(DateTimeOffset At, string By, string Text);

/// <summary>A proxy service with where it stands: late when past its promised date and not done (on the queue once escalated).</summary>
public sealed record ProxyRow(int Id, int Version, int EstateId, string Unit, string Owner, string OwnerLanguage, string Kind, string? Description, decimal Fee,
    DateOnly PromisedOn, ProxyServiceStatus Status, string? Signature, DateTimeOffset? SignedAt, string? WitnessedBy, DateTimeOffset? DoneAt,
    int? LateRequestId, int? PaidServiceId, IReadOnlyList<ProxyNoteRow> Notes)
{
    public bool IsLate(DateOnly today) => Status != ProxyServiceStatus.Done && PromisedOn < today;
}

/// <summary>
/// Common proxy services offered on the form (MoveInText keys); the clerk may type any other. A kind is kept as the clerk
/// picked or typed it; a common one is recognised in any of the three languages, so it reads in each reader's.
/// </summary>
public static class ProxyKinds
{
    public static readonly IReadOnlyList<string> Common = ["Proxy_Utilities", "Proxy_Gas", "Proxy_Network", "Proxy_Tv", "Proxy_Phone"];

    private static readonly System.Resources.ResourceManager Names = new("PropertyHub.Resources.MoveInText", typeof(ProxyKinds).Assembly);
    private static readonly string[] Languages = ["en", "zh-Hans", "zh-Hant"];

    /// <summary>The common kind a kind names (by its key or its name in any language), or null for one of the clerk's own.</summary>
    public static string? CodeOf(string kind) => Common.FirstOrDefault(code => code == kind || Languages.Any(language =>
        string.Equals(Names.GetString(code, System.Globalization.CultureInfo.GetCultureInfo(language)), kind.Trim(), StringComparison.OrdinalIgnoreCase)));

    /// <summary>A kind in the reader's language: a common one by its name there, any other as typed.</summary>
    public static string Label(Microsoft.Extensions.Localization.IStringLocalizer text, string kind) => CodeOf(kind) is { } code ? text[code] : kind;

    /// <summary>The kind as an argument of a stored phrase: a common one as a word each reader reads in their language.</summary>
    public static object PhraseArg(string kind) => CodeOf(kind) is { } code ? new Reception.PhraseWord(code) : kind;
}
