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

/// <summary>Common proxy services offered on the form (MoveInText keys); the clerk may type any other.</summary>
public static class ProxyKinds
{
    public static readonly IReadOnlyList<string> Common = ["Proxy_Utilities", "Proxy_Gas", "Proxy_Network", "Proxy_Tv", "Proxy_Phone"];
}
