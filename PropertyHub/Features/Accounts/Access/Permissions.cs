using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Resources;

namespace PropertyHub.Features.Accounts.Access;

/// <summary>
/// Checks the acting user (<see cref="CurrentActor"/>) against the <see cref="AccessTable"/> before a service changes
/// anything. Roles, the disabled flag and a lockout are read from the database on every check, not from the sign-in's
/// claims, so a role change or a disabled account takes effect at the next action. Background work runs as the system.
/// </summary>
public sealed class Permissions(CurrentActor actor, IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, IStringLocalizer<AccountsText> text, ILogger<Permissions> logger)
{
    /// <summary>The message shown when an action is refused; nothing was changed.</summary>
    public string Refusal => text["AccessRefused"];

    /// <summary>Raised after each decision with the action and whether it was allowed (the access tests listen).</summary>
    public event Action<string, bool>? Decided;

    /// <summary>Whether the acting user may: for showing, hiding or masking. Nothing is logged.</summary>
    public Task<bool> MayAsync(string action, CancellationToken ct = default) => DecideAsync(action, ct);

    /// <summary>A service's check before it changes anything: a refusal is logged and nothing may be changed.</summary>
    public async Task<bool> AllowsAsync(string action, CancellationToken ct = default)
    {
        var allowed = await DecideAsync(action, ct);
        if (!allowed)
            logger.LogWarning("Refused {Action} to {UserId}", action, CurrentActor.UserIdOf(await actor.GetPrincipalAsync()) ?? "anonymous or the system");
        Decided?.Invoke(action, allowed);
        return allowed;
    }

    private async Task<bool> DecideAsync(string action, CancellationToken ct)
    {
        var rule = AccessTable.Rule(action);
        var (principal, isSystem) = await actor.GetActingAsync();
        if (isSystem)
            return rule.System;
        if (rule.Anyone)
            return true;
        var userId = CurrentActor.UserIdOf(principal);
        if (userId is null)
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.IsDisabled, u.LockoutEnd }).SingleOrDefaultAsync(ct);
        if (user is null || user.IsDisabled || user.LockoutEnd > clock.GetUtcNow())
            return false;
        if (rule.AnySignedIn)
            return true;
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ur.UserId == userId
                           select r.Name!).ToListAsync(ct);
        return rule.AllowsRoles(roles);
    }

    /// <summary>Throws <see cref="AccessRefusedException"/> (with the localized message) unless the acting user may.</summary>
    public async Task DemandAsync(string action, CancellationToken ct = default)
    {
        if (!await AllowsAsync(action, ct))
            throw new AccessRefusedException(action, Refusal);
    }
}

/// <summary>An action the acting user may not do; nothing was changed. The layout shows the message.</summary>
public sealed class AccessRefusedException(string action, string message) : Exception(message)
{
    public string Action { get; } = action;
}
