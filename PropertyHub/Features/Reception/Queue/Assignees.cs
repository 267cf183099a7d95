using PropertyHub.Features.Accounts;

namespace PropertyHub.Features.Reception.Queue;

/// <summary>
/// Who an item may be assigned to: supervisors and managers take anything; everyone else only items of their own
/// department — the one set on their user, else the one their role works in (clerks: customer service, engineers:
/// engineering, finance: finance). An item nobody transferred belongs to customer service.
/// </summary>
public static class Assignees
{
    public static Department? DepartmentOf(StaffOption person) => person.Department ?? RoleDepartment(person.Roles);

    public static bool CanTake(StaffOption person, Department? itemDepartment)
    {
        if (person.Roles.Contains(Roles.Supervisor) || person.Roles.Contains(Roles.Manager))
            return true;
        return DepartmentOf(person) is { } own && own == (itemDepartment ?? Department.CustomerService);
    }

    private static Department? RoleDepartment(IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Engineer) ? Department.Engineering
        : roles.Contains(Roles.Finance) ? Department.Finance
        : roles.Contains(Roles.Clerk) ? Department.CustomerService
        : null;
}
