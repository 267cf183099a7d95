using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Accounts;

/// <summary>One demo user per role, for trying the product. Only when Seed:Demo is on, never in Production.</summary>
public sealed class DemoUsers(IServiceScopeFactory scopes, Access.Permissions permissions, ILogger<DemoUsers> logger)
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
        ("security@demo.local", Roles.Security, "吴刚", "吴"),
    ];

    /// <summary>
    /// Inserts each missing role and takes its unique name as "already there": instances starting together on one
    /// database never fail on RoleNameIndex. The unique key decides, not the look-up: that only spares every restart
    /// six failed inserts, each of which EF Core would log as an error.
    /// </summary>
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles, IDbContextFactory<AppDbContext> dbFactory, CancellationToken ct = default)
    {
        List<string?> present;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
            present = await read.Roles.Select(r => r.NormalizedName).ToListAsync(ct);
        foreach (var role in Roles.All.Where(r => !present.Contains(roles.NormalizeKey(r))))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.Roles.Add(new IdentityRole(role) { NormalizedName = roles.NormalizeKey(role) });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                // Another instance (or an earlier start) created it.
            }
        }
    }

    public async Task SeedAsync(CancellationToken ct = default)
    {
        await permissions.DemandAsync(Access.Can.SeedDemoData, ct);
        foreach (var (email, role, displayName, surname) in All)
        {
            // A scope per user: a failed insert leaves its user tracked in the scope's context, never to be saved again.
            await using var scope = scopes.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            // A restart finds its demo users there: no password is hashed only to be refused as a duplicate.
            if (await users.FindByEmailAsync(email) is { } existing)
            {
                if (!await users.IsInRoleAsync(existing, role))
                    await AddToRoleAsync(users, existing, role);
                continue;
            }
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName, Surname = surname };
            IdentityResult result;
            try
            {
                result = await users.CreateAsync(user, Password);
            }
            catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
            {
                result = IdentityResult.Failed(new IdentityErrorDescriber().DuplicateUserName(email));
            }
            if (!result.Succeeded)
            {
                if (!result.Errors.All(e => e.Code is nameof(IdentityErrorDescriber.DuplicateUserName) or nameof(IdentityErrorDescriber.DuplicateEmail)))
                {
                    logger.LogError("Could not create demo user for role {Role}: {Errors}", role, string.Join("; ", result.Errors.Select(e => e.Code)));
                    continue;
                }
                // Already there: make sure it has its role (a start that stopped between the two inserts left it without).
                await using var again = scopes.CreateAsyncScope();
                users = again.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
                user = await users.FindByEmailAsync(email);
                if (user is null || await users.IsInRoleAsync(user, role))
                    continue;
                await AddToRoleAsync(users, user, role);
                continue;
            }
            await AddToRoleAsync(users, user, role);
        }
        logger.LogInformation("Demo users (password {Password}): {Users}", Password, string.Join(", ", All.Select(u => u.Email)));
    }

    private static async Task AddToRoleAsync(UserManager<AppUser> users, AppUser user, string role)
    {
        try
        {
            await users.AddToRoleAsync(user, role);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // Another instance gave the role first.
        }
    }
}
