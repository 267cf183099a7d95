namespace PropertyHub.Features.Fees.Collection;

/// <summary>A visit saved from a card: the task it was for, the amount typed (for paid on the spot) and the result.</summary>
public sealed record VisitDone(CollectionRow Row, string? Amount, CollectionResult Result);
