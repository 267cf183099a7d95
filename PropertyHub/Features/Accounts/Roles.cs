namespace PropertyHub.Features.Accounts;

/// <summary>Staff roles (SPEC "Who uses it"). What each may do is in <see cref="Access.AccessTable"/>.</summary>
public static class Roles
{
    public const string Clerk = nameof(Clerk);
    public const string Supervisor = nameof(Supervisor);
    public const string Manager = nameof(Manager);
    public const string Engineer = nameof(Engineer);
    public const string Finance = nameof(Finance);
    public const string Admin = nameof(Admin);
    /// <summary>秩序維護員: the security guard at the gate.</summary>
    public const string Security = nameof(Security);

    public static readonly IReadOnlyList<string> All = [Clerk, Supervisor, Manager, Engineer, Finance, Admin, Security];
}
