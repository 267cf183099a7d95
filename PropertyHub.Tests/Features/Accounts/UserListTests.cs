using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;

namespace PropertyHub.Tests.Features.Accounts;

/// <summary>The user list a page at a time: the six demo users and fourteen clerks more.</summary>
public sealed class UserListTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();

    public async Task InitializeAsync()
    {
        for (var i = 1; i <= 14; i++)
        {
            await factory.AsAsync(Roles.Admin, async sp =>
            {
                var created = await sp.GetRequiredService<UserAdministration>().CreateAsync(
                    new NewStaffUser($"clerk{i:00}@example.com", $"柜员{i:00}", "柜", "Staff#2026pass", [Roles.Clerk]));
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            });
        }
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<Slice<StaffUser>> PageAsync(UserFilter filter, PageRequest page)
    {
        Slice<StaffUser> slice = null!;
        await factory.AsAsync(Roles.Admin, async sp => slice = await sp.GetRequiredService<UserAdministration>().PageAsync(filter, page));
        return slice;
    }

    [Fact]
    public async Task Users_SecondPageByEmail_TotalCountsTheWholeFilter_WithTheirRoles()
    {
        var second = await PageAsync(new UserFilter(), new PageRequest(5, 5));
        var clerks = await PageAsync(new UserFilter(Role: Roles.Clerk), new PageRequest(10, 10));
        var byName = await PageAsync(new UserFilter(Search: "柜员"), new PageRequest(0, 3, UserAdministration.SortByName, Descending: true));
        var nobody = await PageAsync(new UserFilter(Search: "nobody@nowhere"), new PageRequest(0, 10));
        var disabled = await PageAsync(new UserFilter(Disabled: true), new PageRequest(0, 10));

        // By e-mail: admin@, clerk01@ … clerk14@, clerk@, engineer@, …
        string[] emails = ["admin@demo.local", .. Enumerable.Range(1, 14).Select(i => $"clerk{i:00}@example.com"), "clerk@demo.local",
            "engineer@demo.local", "finance@demo.local", "manager@demo.local", "security@demo.local", "supervisor@demo.local"];
        Assert.Equal(emails.Skip(5).Take(5), second.Rows.Select(u => u.Email));
        Assert.Equal(21, second.Total);
        Assert.Equal(15, clerks.Total);
        Assert.Equal(5, clerks.Rows.Count);
        Assert.All(clerks.Rows, u => Assert.Equal([Roles.Clerk], u.Roles));
        Assert.Equal(["柜员14", "柜员13", "柜员12"], byName.Rows.Select(u => u.DisplayName));
        Assert.Equal(14, byName.Total);
        Assert.Equal(0, nobody.Total);
        Assert.Empty(disabled.Rows);
    }
}
