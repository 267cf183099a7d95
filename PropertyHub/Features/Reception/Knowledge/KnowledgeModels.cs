namespace PropertyHub.Features.Reception.Knowledge;

/// <summary>An archive entry as read by clerks and the maintenance page.</summary>
public sealed record KnowledgeView(int Id, int EstateId, KnowledgeCategory Category, string Title, string Answer, string? Phone, string? Keywords, int Version)
{
    /// <summary>A fee answer made from the fee items (<see cref="FeeAnswers"/>): not stored, changed on the fee items page.</summary>
    public bool FromFeeItems { get; init; }

    /// <summary>Whether the entry contains the word in its title, answer, keywords or phone.</summary>
    public bool Contains(string word) =>
        Title.Contains(word, StringComparison.OrdinalIgnoreCase) || Answer.Contains(word, StringComparison.OrdinalIgnoreCase)
        || Keywords?.Contains(word, StringComparison.OrdinalIgnoreCase) == true || Phone?.Contains(word, StringComparison.Ordinal) == true;
}

/// <summary>The archive editor's content; Id 0 creates an entry.</summary>
public sealed class KnowledgeForm
{
    public int Id { get; set; }
    public int EstateId { get; set; }
    public KnowledgeCategory Category { get; set; }
    public string? Title { get; set; }
    public string? Answer { get; set; }
    public string? Phone { get; set; }
    public string? Keywords { get; set; }
    public int Version { get; set; }

    public static KnowledgeForm From(KnowledgeView v) => new()
    {
        Id = v.Id, EstateId = v.EstateId, Category = v.Category, Title = v.Title, Answer = v.Answer, Phone = v.Phone, Keywords = v.Keywords, Version = v.Version,
    };
}

/// <summary>
/// What an archive change did. Invalid or Denied: nothing written, <see cref="Errors"/> say why. Conflict: someone
/// changed the entry first; <see cref="Entry"/> is the fresh record (null when it was deleted), nothing was written.
/// </summary>
public sealed record KnowledgeResult(ReceptionOutcome Outcome, KnowledgeView? Entry, IReadOnlyList<FieldMessage> Errors)
{
    public bool Succeeded => Outcome == ReceptionOutcome.Done;

    public static KnowledgeResult Done(KnowledgeView? entry) => new(ReceptionOutcome.Done, entry, []);
    public static KnowledgeResult Invalid(IReadOnlyList<FieldMessage> errors) => new(ReceptionOutcome.Invalid, null, errors);
    public static KnowledgeResult Conflict(KnowledgeView? fresh, string message) => new(ReceptionOutcome.Conflict, fresh, [new FieldMessage("", message)]);
    public static KnowledgeResult NotFound(string message) => new(ReceptionOutcome.NotFound, null, [new FieldMessage("", message)]);
}
