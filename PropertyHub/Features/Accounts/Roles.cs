namespace PropertyHub.Features.Accounts;

/// <summary>Staff roles (SPEC "Who uses it").</summary>
public static class Roles
{
    public const string Clerk = nameof(Clerk);
    public const string Supervisor = nameof(Supervisor);
    public const string Manager = nameof(Manager);
    public const string Engineer = nameof(Engineer);
    public const string Finance = nameof(Finance);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Clerk, Supervisor, Manager, Engineer, Finance, Admin];

    /// <summary>Roles that see ID numbers in full.</summary>
    public const string SeeIdNumbers = Manager + "," + Admin;

    /// <summary>Roles that watch the scheduled duties and the Hangfire dashboard.</summary>
    public const string SeeDuties = Supervisor + "," + Manager + "," + Admin;

    /// <summary>Roles that change the registry (units, occupants, imports).</summary>
    public const string EditRegistry = Clerk + "," + Supervisor + "," + Manager + "," + Admin;
}
