using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;
using PropertyHub.Features.Reception.Queue;

namespace PropertyHub.Tests.Features.Reception;

/// <summary>The assign list offers only staff who can act on the item.</summary>
public sealed class AssigneesTests
{
    private static StaffOption Person(string role, Department? department = null) => new("id-" + role, role, [role], department);

    [Theory]
    [InlineData(Roles.Supervisor, null, true)]
    [InlineData(Roles.Manager, Department.Finance, true)]
    [InlineData(Roles.Clerk, null, true)]
    [InlineData(Roles.Clerk, Department.Engineering, false)]
    [InlineData(Roles.Engineer, Department.Engineering, true)]
    [InlineData(Roles.Engineer, null, false)]
    [InlineData(Roles.Engineer, Department.Finance, false)]
    [InlineData(Roles.Finance, Department.Finance, true)]
    [InlineData(Roles.Finance, Department.Engineering, false)]
    [InlineData(Roles.Admin, null, false)]
    public void CanTake_ByRoleAndTheItemsDepartment(string role, Department? itemDepartment, bool expected) =>
        Assert.Equal(expected, Assignees.CanTake(Person(role), itemDepartment));

    [Fact]
    public void CanTake_AClerkWhoWorksInSecurity_TakesSecurityItemsOnly()
    {
        var guard = Person(Roles.Clerk, Department.Security);

        Assert.True(Assignees.CanTake(guard, Department.Security));
        Assert.False(Assignees.CanTake(guard, null));
        Assert.False(Assignees.CanTake(guard, Department.Engineering));
    }
}
