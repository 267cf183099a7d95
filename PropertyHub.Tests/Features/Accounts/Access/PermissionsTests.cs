using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Reception;

namespace PropertyHub.Tests.Features.Accounts.Access;

/// <summary>
/// Services decide on the user's roles and state in the database at the moment of the action, not on the sign-in's
/// claims: a role change or a disabled account is refused at the next action even in a circuit opened before.
/// </summary>
public sealed class PermissionsTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task SupervisorChangedToEngineer_OpenScopeAddsANote_IsRefusedAndNothingIsAdded()
    {
        var itemId = await LogContactAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await ActingAs.SignInScopeAsync(sp, Roles.Supervisor); // the circuit's claims say Supervisor from here on
        var reception = sp.GetRequiredService<ReceptionService>();
        var item = (await reception.GetAsync(itemId))!;
        var before = await reception.AddNoteAsync(item.Id, item.Version, "still a supervisor");
        Assert.True(before.Succeeded);

        await SetRolesAsync(Roles.Supervisor, [Roles.Engineer]);
        var fresh = (await reception.GetAsync(itemId))!;
        var after = await reception.AddNoteAsync(fresh.Id, fresh.Version, "now an engineer");

        Assert.False(after.Succeeded);
        Assert.Contains(after.Errors, e => e.Message == sp.GetRequiredService<Permissions>().Refusal);
        await using var db = await factory.CreateDbContextAsync();
        Assert.Equal(["still a supervisor"], await db.TimelineEntries.Where(t => t.ServiceRequestId == itemId && t.Kind == TimelineKind.Note).Select(t => t.Text).ToListAsync());
    }

    [Fact]
    public async Task DisabledUser_OpenScope_IsRefusedWhatTheirRoleAllows()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await ActingAs.SignInScopeAsync(sp, Roles.Clerk);
        var permissions = sp.GetRequiredService<Permissions>();
        Assert.True(await permissions.AllowsAsync(Can.LogContacts));

        await factory.AsAsync(Roles.Admin, async admin =>
        {
            var clerk = await admin.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(SignIn.DemoEmail(Roles.Clerk));
            Assert.True((await admin.GetRequiredService<UserAdministration>().SetDisabledAsync(clerk!.Id, true)).Succeeded);
        });

        Assert.False(await permissions.AllowsAsync(Can.LogContacts));
        Assert.False(await permissions.AllowsAsync(Can.UseStaffPages));
        await Assert.ThrowsAsync<AccessRefusedException>(() => permissions.DemandAsync(Can.LogContacts));
    }

    [Fact]
    public async Task System_MayOnlyWhatTheTableMarks()
    {
        await factory.WithScopeAsync(async sp =>
        {
            var permissions = sp.GetRequiredService<Permissions>();
            foreach (var rule in AccessTable.Rules)
                Assert.True(rule.System == await permissions.AllowsAsync(rule.Action), rule.Action);
        });
    }

    private async Task<int> LogContactAsync()
    {
        var id = 0;
        await factory.AsAsync(Roles.Clerk, async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<PropertyHub.Data.AppDbContext>>().CreateDbContextAsync();
            var unit = await db.Units.Include(u => u.Building).OrderBy(u => u.Id).FirstAsync();
            var result = await sp.GetRequiredService<ReceptionService>().LogAsync(new Intake
            {
                EstateId = unit.Building!.EstateId, UnitId = unit.Id, Kind = RequestKind.Complaint, Channel = Channel.Counter,
                Content = "走廊灯不亮", Outcome = IntakeOutcome.Logged,
            });
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Message)));
            id = result.Request!.Id;
        });
        return id;
    }

    private async Task SetRolesAsync(string demoRole, string[] roles) =>
        await factory.AsAsync(Roles.Admin, async sp =>
        {
            var user = await sp.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(SignIn.DemoEmail(demoRole));
            Assert.True((await sp.GetRequiredService<UserAdministration>().SetRolesAsync(user!.Id, roles)).Succeeded);
        });
}
