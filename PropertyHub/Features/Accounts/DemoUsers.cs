using Microsoft.AspNetCore.Identity;

namespace PropertyHub.Features.Accounts;

/// <summary>One demo user per role, for trying the product. Only when Seed:Demo is on, never in Production.</summary>
public sealed class DemoUsers(UserManager<AppUser> users, RoleManager<IdentityRole> roles, ILogger<DemoUsers> logger)
{
    public const string Password = "Demo#2026pass";

    public static readonly IReadOnlyList<(string Email, string Role, string DisplayName, string Surname)> All =
    [
        ("clerk@demo.local", Roles.Clerk, "王小芳", "王"),
        ("supervisor@demo.local", Roles.Supervisor, "陈建国", "陈"),
        ("manager@demo.local", Roles.Manager, "林志明", "林"),
        ("engineer@demo.local", Roles.Engineer, "黄伟", "黄"),
        ("finance@demo.local", Roles.Finance, "张丽", "张"),
        ("admin@demo.local", Roles.Admin, "郑海", "郑"),
    ];

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }
    }

    public async Task SeedAsync()
    {
        await EnsureRolesAsync(roles);
        foreach (var (email, role, displayName, surname) in All)
        {
            if (await users.FindByEmailAsync(email) is not null)
                continue;
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Surname = surname };
            var result = await users.CreateAsync(user, Password);
            if (result.Succeeded)
                await users.AddToRoleAsync(user, role);
            else
                logger.LogError("Could not create demo user for role {Role}: {Errors}", role, string.Join("; ", result.Errors.Select(e => e.Code)));
        }
        logger.LogInformation("Demo users (password {Password}): {Users}", Password, string.Join(", ", All.Select(u => u.Email)));
    }
}
