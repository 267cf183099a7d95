namespace PropertyHub.Features.Audit;

/// <summary>A record whose every change is kept in the audit trail.</summary>
public interface IAudited
{
    int Id { get; }
}

/// <summary>Marks a property whose values are masked in the audit view (phones, ID numbers).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PersonalDataAttribute : Attribute;
