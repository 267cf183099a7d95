using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace PropertyHub.Features.Accounts;

public sealed record StaffUser(string Id, string Email, string DisplayName, string Surname, bool IsDisabled, IReadOnlyList<string> Roles);

public sealed record NewStaffUser(string Email, string DisplayName, string Surname, string Password, IReadOnlyCollection<string> Roles);

/// <summary>Creates users, sets their roles and disables them. Results carry Identity's localized errors.</summary>
public sealed class UserAdministration(UserManager<AppUser> users, SessionRevocations revocations)
{
    public async Task<IReadOnlyList<StaffUser>> ListAsync()
    {
        var all = await users.Users.OrderBy(u => u.Email).ToListAsync();
        var result = new List<StaffUser>(all.Count);
        foreach (var u in all)
            result.Add(new StaffUser(u.Id, u.Email ?? "", u.DisplayName, u.Surname, u.IsDisabled, [.. await users.GetRolesAsync(u)]));
        return result;
    }

    public async Task<IdentityResult> CreateAsync(NewStaffUser input)
    {
        var unknown = input.Roles.Where(r => !Roles.All.Contains(r)).ToList();
        if (unknown.Count > 0)
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = string.Join(", ", unknown) });
        var user = new AppUser
        {
            UserName = input.Email.Trim(),
            Email = input.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            Surname = input.Surname.Trim(),
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded || input.Roles.Count == 0)
            return created;
        return await users.AddToRolesAsync(user, input.Roles);
    }

    public async Task<IdentityResult> SetRolesAsync(string userId, IReadOnlyCollection<string> roles)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("User not found");
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded)
            return removed;
        var added = await users.AddToRolesAsync(user, roles.Except(current).Where(Roles.All.Contains));
        if (added.Succeeded)
            await users.UpdateSecurityStampAsync(user);
        return added;
    }

    /// <summary>Disables or re-enables a user. Disabling locks the account and ends its open sessions.</summary>
    public async Task<IdentityResult> SetDisabledAsync(string userId, bool disabled)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new InvalidOperationException("User not found");
        user.IsDisabled = disabled;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        var result = await users.UpdateAsync(user);
        if (!result.Succeeded)
            return result;
        await users.UpdateSecurityStampAsync(user);
        if (disabled)
            revocations.Revoke(user.Id);
        return result;
    }
}
