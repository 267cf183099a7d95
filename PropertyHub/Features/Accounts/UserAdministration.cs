using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Accounts.Access;
using PropertyHub.Resources;

namespace PropertyHub.Features.Accounts;

public sealed record StaffUser(string Id, string Email, string DisplayName, string Surname, bool IsDisabled, IReadOnlyList<string> Roles,
    Reception.Department? Department = null);

/// <summary>
/// Which users the user list shows: those whose e-mail or names contain <see cref="Search"/>, who have <see cref="Role"/>, and
/// who are disabled (true) or enabled (false); null lets everyone through.
/// </summary>
public sealed record UserFilter(string? Search = null, string? Role = null, bool? Disabled = null);

public sealed record NewStaffUser(string Email, string DisplayName, string Surname, string Password, IReadOnlyCollection<string> Roles);

/// <summary>Creates users, sets their roles and disables them. Results carry Identity's localized errors.</summary>
public sealed class UserAdministration(
    UserManager<AppUser> users, IDbContextFactory<AppDbContext> dbFactory, Permissions permissions, ISessionRevocationBus revocations,
    IStringLocalizer<AccountsText> text, ILogger<UserAdministration> logger)
{
    /// <summary>Sort keys of the user list; anything else sorts by e-mail.</summary>
    public const string SortByName = "name", SortBySurname = "surname";

    /// <summary>One page of the staff users under the filter, by e-mail unless asked otherwise, each with its roles.</summary>
    public async Task<Slice<StaffUser>> PageAsync(UserFilter filter, PageRequest page, CancellationToken ct = default)
    {
        await permissions.DemandAsync(Can.AdministerUsers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (Registry.TypedText.Text(filter.Search) is { } search)
        {
            var upper = search.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(search) || u.Surname.Contains(search));
        }
        if (!string.IsNullOrEmpty(filter.Role))
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == filter.Role)));
        if (filter.Disabled is { } disabled)
            query = query.Where(u => u.IsDisabled == disabled);
        var ordered = (page.SortBy, page.Descending) switch
        {
            (SortByName, false) => query.OrderBy(u => u.DisplayName),
            (SortByName, true) => query.OrderByDescending(u => u.DisplayName),
            (SortBySurname, false) => query.OrderBy(u => u.Surname),
            (SortBySurname, true) => query.OrderByDescending(u => u.Surname),
            (_, true) => query.OrderByDescending(u => u.NormalizedEmail),
            _ => query.OrderBy(u => u.NormalizedEmail),
        };
        var slice = await ordered.ThenBy(u => u.Id).ToSliceAsync(page, ct);
        var ids = slice.Rows.Select(u => u.Id).ToList();
        var roles = (await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        return new Slice<StaffUser>(slice.Rows
            .Select(u => new StaffUser(u.Id, u.Email ?? "", u.DisplayName, u.Surname, u.IsDisabled, [.. roles[u.Id].Order(StringComparer.Ordinal)], u.Department))
            .ToList(), slice.Total);
    }

    public async Task<IdentityResult> CreateAsync(NewStaffUser input)
    {
        if (!await permissions.AllowsAsync(Can.CreateUsers))
            return Failed("AccessRefused", permissions.Refusal);
        var unknown = input.Roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            return Failed("UnknownRole", text["UnknownRole", string.Join(", ", unknown)]);
        if (string.IsNullOrWhiteSpace(input.DisplayName))
            return Failed("DisplayNameRequired", text["DisplayNameRequired"]);
        var user = new AppUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            Surname = input.Surname.Trim(),
        };
        // Identity checks the password before it stores anything: a weak one leaves no user behind.
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
            return created;
        if (input.Roles.Count > 0)
        {
            var added = await users.AddToRolesAsync(user, input.Roles);
            if (!added.Succeeded)
                return added;
        }
        logger.LogInformation("User {UserId} created with roles {Roles}", user.Id, string.Join(",", input.Roles));
        return created;
    }

    /// <summary>Replaces a user's roles. The last enabled administrator keeps the Admin role.</summary>
    public async Task<IdentityResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles)
    {
        if (!await permissions.AllowsAsync(Can.AdministerUsers))
            return Failed("AccessRefused", permissions.Refusal);
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("User not found");
        var unknown = roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            return Failed("UnknownRole", text["UnknownRole", string.Join(", ", unknown)]);
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !roles.Contains(Roles.Admin) && await IsLastEnabledAdminAsync(user))
            return Failed("LastAdmin", text["LastAdmin"]);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded)
            return removed;
        var added = await users.AddToRolesAsync(user, roles.Except(current));
        if (!added.Succeeded)
            return added;
        // A new stamp refuses the user's cookie; their circuits and hub connections end at once, on every instance.
        // They sign in again and get the new roles.
        await users.UpdateSecurityStampAsync(user);
        await revocations.PublishAsync(new SessionRevocation(user.Id, SessionRevocationReason.RolesChanged));
        logger.LogInformation("Roles of user {UserId} set to {Roles}", user.Id, string.Join(",", roles));
        return added;
    }

    /// <summary>
    /// Disables or re-enables a user. Disabling locks the account and ends its open sessions.
    /// Nobody disables themself, and the last enabled administrator stays enabled.
    /// </summary>
    public async Task<IdentityResult> SetDisabledAsync(string userId, bool disabled, string? actingUserId = null)
    {
        if (!await permissions.AllowsAsync(Can.AdministerUsers))
            return Failed("AccessRefused", permissions.Refusal);
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("User not found");
        if (disabled && userId == actingUserId)
            return Failed("DisableSelf", text["DisableSelf"]);
        if (disabled && await users.IsInRoleAsync(user, Roles.Admin) && await IsLastEnabledAdminAsync(user))
            return Failed("LastAdmin", text["LastAdmin"]);
        user.IsDisabled = disabled;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
            return result;
        if (!disabled)
            await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        if (disabled)
            await revocations.PublishAsync(new SessionRevocation(user.Id, SessionRevocationReason.Disabled));
        logger.LogInformation("User {UserId} {Action}", user.Id, disabled ? "disabled" : "enabled");
        return result;
    }

    private async Task<bool> IsLastEnabledAdminAsync(AppUser user)
    {
        if (user.IsDisabled)
            return false;
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && !a.IsDisabled);
    }

    /// <summary>Sets the department a user works in (their queue opens on it); null: none.</summary>
    public async Task<IdentityResult> SetDepartmentAsync(string userId, Reception.Department? department)
    {
        if (!await permissions.AllowsAsync(Can.AdministerUsers))
            return Failed("AccessRefused", permissions.Refusal);
        if (department is { } d && !Enum.IsDefined(d))
            return Failed("UnknownDepartment", text["UnknownDepartment"]);
        var user = await users.FindByIdAsync(userId);
        if (user is null)
            return Failed("UserNotFound", text["UserNotFound"]);
        user.Department = department;
        return await users.UpdateAsync(user);
    }

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}

public static class UserAdministrationScopes
{
    /// <summary>
    /// Runs one operation on a fresh scope: a circuit lives long, and Identity's scoped context must not
    /// keep stale users or be used by two operations at once. The fresh scope acts as the circuit's user.
    /// </summary>
    public static async Task<T> WithUserAdministrationAsync<T>(this IServiceScopeFactory scopes, AuthenticationStateProvider acting, Func<UserAdministration, Task<T>> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider state)
            state.SetAuthenticationState(acting.GetAuthenticationStateAsync());
        return await action(scope.ServiceProvider.GetRequiredService<UserAdministration>());
    }
}
