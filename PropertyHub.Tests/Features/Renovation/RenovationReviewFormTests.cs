using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Renovation;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>
/// The review form as the engineer uses it: every covenant item starts ticked as compliant (the instructions say to untick
/// the failing ones), and returning a plan records only the items unticked.
/// </summary>
public sealed class RenovationReviewFormTests : IClassFixture<RenovationAppFactory>
{
    private readonly RenovationAppFactory factory;
    private readonly RenovationTesting renovations;

    public RenovationReviewFormTests(RenovationAppFactory factory)
    {
        this.factory = factory;
        factory.Clock.Set(RenovationAppFactory.Start);
        renovations = new RenovationTesting(factory);
    }

    [Fact]
    public async Task ReturningForOneUntickedItem_RecordsOnlyThatItem()
    {
        var id = await renovations.SubmittedAsync();
        var sheet = await renovations.SheetAsync(id);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var scope = factory.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Engineer);
        await using var ctx = new BunitContext();
        try
        {
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<RenovationService>());
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<IOptions<RenovationOptions>>());
            var form = ctx.Render<RenovationReviewForm>(p => p.Add(x => x.Sheet, sheet));
            foreach (var check in RenovationRules.Checklist)
                Assert.True(form.Find($"[data-testid=check-{check}] input, input[data-testid=check-{check}]").HasAttribute("checked"), check.ToString());

            form.Find($"[data-testid=check-{CovenantCheck.Waterproofing}] input, input[data-testid=check-{CovenantCheck.Waterproofing}]").Change(false);
            form.Find("textarea[data-testid=review-reasons-input], [data-testid=review-reasons-input] textarea").Change("卫生间防水层方案不全");
            form.Find("[data-testid=review-return]").Click();
            form.WaitForAssertion(() => Assert.Empty(form.FindAll("[data-testid=review-error]")));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var returned = await renovations.SheetAsync(id);
        Assert.Equal(RenovationStatus.Returned, returned.Status);
        Assert.Equal([CovenantCheck.Waterproofing], returned.FailedChecks);
    }
}
