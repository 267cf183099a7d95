using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees.PaidServices;

namespace PropertyHub.Tests.Features.Fees.PaidServices;

/// <summary>The record form against the real service on a private database, signed in as the engineer.</summary>
public sealed class PaidServiceFormTests : IAsyncLifetime
{
    private readonly AppFactory factory = new();
    private readonly BunitContext ctx = new();
    private readonly CultureInfo previous = CultureInfo.CurrentUICulture;
    private AsyncServiceScope scope;
    private PaidServiceUnit unit = null!;

    public async Task InitializeAsync()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Engineer);
        var service = scope.ServiceProvider.GetRequiredService<PaidServiceService>();
        int unitId;
        await using (var db = await factory.CreateDbContextAsync())
            unitId = await db.Units.Where(u => u.Occupants.Count == 1).Select(u => u.Id).FirstAsync();
        unit = (await service.UnitAsync(unitId))!;
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        ctx.Services.AddLocalization();
        ctx.Services.AddSingleton(service);
    }

    public async Task DisposeAsync()
    {
        CultureInfo.CurrentUICulture = previous;
        await ctx.DisposeAsync();
        await scope.DisposeAsync();
        await factory.DisposeAsync();
    }

    private IRenderedComponent<PaidServiceForm> Render(List<int> saved) =>
        ctx.Render<PaidServiceForm>(p => p.Add(f => f.Unit, unit).Add(f => f.Saved, id => saved.Add(id)));

    private static void Type(IRenderedComponent<PaidServiceForm> form, string testId, string value) =>
        form.Find($"[data-testid='{testId}'] input, input[data-testid='{testId}'], [data-testid='{testId}'] textarea, textarea[data-testid='{testId}']").Change(value);

    private async Task<List<PropertyHub.Features.Fees.PaidService>> SavedAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.PaidServices.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task RecordForm_CommonTypeAndPrice_SavedForTheOnlyOccupantByTheSignedInEngineer()
    {
        var saved = new List<int>();
        var form = Render(saved);

        form.Find("[data-testid='ps-common-Type_Drain']").Click();
        Type(form, "ps-description", "Kitchen sink");
        Type(form, "ps-price", "60.5");
        await form.Find("[data-testid='ps-save']").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Single(saved));
        var service = Assert.Single(await SavedAsync());
        Assert.Equal(saved[0], service.Id);
        Assert.Equal(("Unblock a drain", "Kitchen sink", 60.50m, "黄伟"), (service.ServiceType, service.Description, service.Price, service.StaffName));
        Assert.Equal(unit.Occupants[0].Id, service.OccupantId);
        Assert.Null(service.SignedAt);
    }

    [Fact]
    public async Task RecordForm_BadPriceAndNoType_MessagesUnderTheFieldsAndNothingSaved()
    {
        var saved = new List<int>();
        var form = Render(saved);

        Type(form, "ps-price", "12.345");
        await form.Find("[data-testid='ps-save']").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains("The price has at most two decimals (fen).", form.Markup, StringComparison.Ordinal));
        Assert.Contains("Enter the service.", form.Markup, StringComparison.Ordinal);
        Assert.Empty(saved);
        Assert.Empty(await SavedAsync());
    }

    [Fact]
    public async Task RecordForm_InChinese_NegativePriceMessageInChinese()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        var saved = new List<int>();
        var form = Render(saved);

        form.Find("[data-testid='ps-common-Type_Tap']").Click();
        Type(form, "ps-price", "-3");
        await form.Find("[data-testid='ps-save']").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains("价格不能为负数。", form.Markup, StringComparison.Ordinal));
        Assert.Equal("更换水龙头", form.Find("[data-testid='ps-type'] input, input[data-testid='ps-type']").GetAttribute("value"));
        Assert.Empty(await SavedAsync());
    }

    [Fact]
    public async Task EditForm_SomeoneChangedItMeanwhile_ConflictShownFreshValuesLoadedThenSaved()
    {
        var service = scope.ServiceProvider.GetRequiredService<PaidServiceService>();
        var today = service.Today(unit.EstateId);
        var input = new PaidServiceInput { UnitId = unit.Id, OccupantId = unit.Occupants[0].Id, ServiceType = "Replace a tap", Price = "80", ServiceDate = today };
        var id = (await service.RecordAsync(input)).Id!.Value;
        var stale = (await service.ForUnitAsync(unit.Id)).Single();
        input.Price = "95";
        Assert.True((await service.UpdateAsync(id, stale.Version, input)).Ok);
        var saved = new List<int>();
        var form = ctx.Render<PaidServiceForm>(p => p.Add(f => f.Unit, unit).Add(f => f.Editing, stale).Add(f => f.Saved, i => saved.Add(i)));
        Assert.Equal("80.00", form.Find("[data-testid='ps-price'] input, input[data-testid='ps-price']").GetAttribute("value"));

        Type(form, "ps-description", "Bathroom");
        await form.Find("[data-testid='ps-save']").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Contains("Someone else changed this service meanwhile.", form.Find("[data-testid='ps-form-error']").TextContent, StringComparison.Ordinal));
        Assert.Equal("95.00", form.Find("[data-testid='ps-price'] input, input[data-testid='ps-price']").GetAttribute("value"));
        Assert.Empty(saved);

        Type(form, "ps-description", "Bathroom");
        await form.Find("[data-testid='ps-save']").ClickAsync(new());

        form.WaitForAssertion(() => Assert.Equal([id], saved));
        var after = Assert.Single(await SavedAsync());
        Assert.Equal((95.00m, "Bathroom"), (after.Price, after.Description));
    }
}
