using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Fees;
using PropertyHub.Tests.Testing;
using PropertyHub.Features.Files;
using PropertyHub.Features.Renovation;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>
/// A renovation in a real browser from application to refund: the engineer approves the plan (ticking each item), the
/// owner signs on the tablet and the contractor through a personal link, Finance takes the deposit by the method picked,
/// the clerk issues the permit and a worker's pass, the guard checks the pass on a phone, the engineer inspects the
/// works (damage refused without a photo), permit and pass come back, and Finance refunds the deposit less the charge.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RenovationBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private readonly KestrelAppFactory factory = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    private async Task<IPage> AsAsync(IBrowserContext context, string role)
    {
        var page = await context.NewPageAsync();
        await page.SignInAsync(factory.BaseUrl, SignIn.DemoEmail(role), DemoUsers.Password);
        return page;
    }

    private Task<IBrowserContext> ContextAsync(int width, int height) => browser.Browser.NewContextAsync(new BrowserNewContextOptions
    {
        Locale = "en-US",
        ViewportSize = new ViewportSize { Width = width, Height = height },
        HasTouch = true,
    });

    private async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(factory.BaseUrl + path);
        await page.WaitForInteractiveAsync();
    }

    private static async Task DrawAsync(IPage page)
    {
        var pad = page.Locator("canvas[data-testid=signature-pad][data-ready=true]");
        await pad.WaitForAsync();
        var box = (await pad.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(box.X + box.Width * 0.1f, box.Y + box.Height * 0.6f);
        await page.Mouse.DownAsync();
        foreach (var (x, y) in new[] { (0.2f, 0.3f), (0.3f, 0.7f), (0.4f, 0.3f), (0.5f, 0.6f), (0.7f, 0.4f) })
            await page.Mouse.MoveAsync(box.X + box.Width * x, box.Y + box.Height * y, new MouseMoveOptions { Steps = 8 });
        await page.Mouse.UpAsync();
    }

    [BrowserFact]
    public async Task ApplicationToRefund()
    {
        var renovations = new RenovationTesting(factory);
        const string occupantTitle = "施工許可證";
        await using (var db = await factory.CreateDbContextAsync())
        {
            var applicant = await db.Occupants.OrderBy(o => o.UnitId).ThenBy(o => o.Id).FirstAsync();
            applicant.PreferredLanguage = "zh-Hant";
            await db.SaveChangesAsync();
        }
        var id = await renovations.SubmittedAsync();
        await using var desk = await ContextAsync(1366, 900);

        // The engineer approves against the checklist.
        var engineer = await AsAsync(desk, Roles.Engineer);
        await OpenAsync(engineer, $"/renovations/{id}");
        await Assertions.Expect(engineer.Locator("[data-testid=app-worker]")).ToHaveCountAsync(2);
        await Assertions.Expect(engineer.Locator("[data-testid=app-worker]").First).ToContainTextAsync("110***********002X");
        // Every item starts ticked as compliant: an unticked item refuses the approval until ticked again.
        var waterproofing = engineer.Locator($"input[data-testid=check-{CovenantCheck.Waterproofing}], [data-testid=check-{CovenantCheck.Waterproofing}] input").First;
        await waterproofing.UncheckAsync();
        await engineer.Locator("[data-testid=review-approve]").ClickAsync();
        await Assertions.Expect(engineer.Locator("[data-testid=review-error]")).ToBeVisibleAsync();
        await waterproofing.CheckAsync();
        await engineer.Locator("[data-testid=review-approve]").ClickAsync();
        await Assertions.Expect(engineer.Locator("[data-testid=renovation-status]")).ToHaveTextAsync("Approved");
        await engineer.CloseAsync();

        // The owner signs the agreement on the tablet; the contractor's letter is signed the same way (here by the service).
        var clerk = await AsAsync(desk, Roles.Clerk);
        await OpenAsync(clerk, $"/renovations/{id}");
        await clerk.Locator("[data-testid=sign-owner]").ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=kiosk]")).ToBeVisibleAsync();
        await DrawAsync(clerk);
        await clerk.Locator("[data-testid=sign-confirm]").ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=sign-done]")).ToBeVisibleAsync();

        // The contractor is not at the counter: a link by SMS, signed on their own phone without signing in.
        await OpenAsync(clerk, $"/renovations/{id}");
        await clerk.Locator("[data-testid=sign-contractor-link]").ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=renovation-message]")).ToHaveTextAsync("The link to sign was sent.");
        string link;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var sealedLink = await db.Notices.Where(n => n.RecipientKey == $"contractor:{id}").Select(n => n.SealedLink).SingleAsync();
            link = new Uri(factory.Services.OpenLink(sealedLink)!).PathAndQuery;
        }
        await using (var contractorPhone = await ContextAsync(390, 844))
        {
            var contractor = await contractorPhone.NewPageAsync();
            await contractor.GotoAsync(factory.BaseUrl + link);
            await contractor.Locator("[data-testid=sign-signer]").FillAsync("刘师傅");
            await DrawAsync(contractor);
            await contractor.Locator("[data-testid=sign-confirm]").ClickAsync();
            await Assertions.Expect(contractor.Locator("[data-testid=renovation-link-message]")).ToHaveTextAsync("Signed. Thank you.");
        }
        Assert.Equal("刘师傅", (await renovations.SheetAsync(id)).ContractorSigner);

        // No permit before the deposit is paid.
        await OpenAsync(clerk, $"/renovations/{id}");
        await Assertions.Expect(clerk.Locator("[data-testid=owner-signed]")).ToBeVisibleAsync();
        await clerk.Locator("[data-testid=permit-issue]").ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=renovation-message]")).ToHaveTextAsync("No permit before the deposit is paid.");

        // Finance takes the deposit (the approval form offered 2,000.00 and no fee) with a receipt.
        var finance = await AsAsync(desk, Roles.Finance);
        await OpenAsync(finance, $"/renovations/{id}");
        await finance.Locator("input[data-testid=money-method-WeChatPay]").ClickAsync();
        await finance.Locator("input[data-testid=money-reference]").FillAsync("WX20261207001");
        await finance.Locator("[data-testid=money-collect]").ClickAsync();
        await Assertions.Expect(finance.Locator("[data-testid=money-paid]")).ToContainTextAsync("¥2,000.00");
        Assert.Equal(PaymentMethod.WeChatPay, (await renovations.SheetAsync(id)).Collection!.Method);
        var receiptNumber = (await renovations.SheetAsync(id)).Collection!.ReceiptNumber;
        await finance.GotoAsync(factory.BaseUrl + $"/renovations/{id}/receipts/{(await renovations.SheetAsync(id)).Collection!.Id}");
        await Assertions.Expect(finance.Locator("[data-testid=receipt-number]")).ToHaveTextAsync(receiptNumber);
        await finance.CloseAsync();

        // The clerk (signed in again: the browser context shares one sign-in) issues the permit, prints it, and issues
        // the first worker's pass with a photo.
        clerk = await AsAsync(desk, Roles.Clerk);
        await OpenAsync(clerk, $"/renovations/{id}");
        await clerk.Locator("[data-testid=permit-issue]").ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=permit-number]")).ToBeVisibleAsync();
        var permit = (await renovations.SheetAsync(id)).PermitNumber!;
        await Assertions.Expect(clerk.Locator("[data-testid=permit-number]")).ToContainTextAsync(permit);
        await clerk.Locator("input[data-testid=pass-photo]").First.SetInputFilesAsync(new FilePayload { Name = "li.png", MimeType = "image/png", Buffer = RenovationTesting.Png });
        await Assertions.Expect(clerk.Locator("[data-testid=pass-issue]").First).ToBeEnabledAsync();
        await clerk.Locator("[data-testid=pass-issue]").First.ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=pass-number]").First).ToHaveTextAsync(permit + "-01");
        await clerk.GotoAsync(factory.BaseUrl + $"/renovations/{id}/permit");
        await Assertions.Expect(clerk.Locator("[data-testid=permit-print-number]")).ToHaveTextAsync(permit);
        // The clerk works in English; the permit prints in the occupant's language unless another is picked.
        await Assertions.Expect(clerk.Locator("[data-testid=permit] h1")).ToHaveTextAsync(occupantTitle);
        await clerk.GotoAsync(factory.BaseUrl + $"/renovations/{id}/permit?lang=en");
        await Assertions.Expect(clerk.Locator("[data-testid=permit] h1")).ToHaveTextAsync("Construction permit");
        await clerk.GotoAsync(factory.BaseUrl + $"/renovations/{id}/passes");
        await Assertions.Expect(clerk.Locator("[data-testid=card-number]")).ToHaveTextAsync(permit + "-01");

        // The guard at the gate, on a phone: valid with the worker and unit; checked again, logged and said so.
        await using var phone = await ContextAsync(390, 844);
        var guard = await AsAsync(phone, Roles.Security);
        await OpenAsync(guard, "/gate");
        await guard.Locator("input[data-testid=gate-number]").FillAsync(permit.ToLowerInvariant() + "-01");
        await guard.Locator("input[data-testid=gate-number]").PressAsync("Enter");
        await Assertions.Expect(guard.Locator("[data-testid=gate-outcome]")).ToHaveTextAsync("Valid");
        await Assertions.Expect(guard.Locator("[data-testid=gate-worker]")).ToHaveTextAsync("李强");
        await guard.Locator("input[data-testid=gate-number]").FillAsync(permit + "-01");
        await guard.Locator("[data-testid=gate-check]").ClickAsync();
        await Assertions.Expect(guard.Locator("[data-testid=gate-again]")).ToBeVisibleAsync();
        Assert.True(await guard.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The gate page scrolls sideways on a 390 px phone");
        await guard.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(TestEnvironment.ArtifactsFolder, "renovation-gate.png"), FullPage = true });
        // The photo on the gate's answer comes from the pass (the test's photo is a bare PNG header, so it shows no picture).
        var photo = await guard.APIRequest.GetAsync(factory.BaseUrl + await guard.Locator("[data-testid=gate-result] img").GetAttributeAsync("src"));
        Assert.Equal((200, "image/png"), (photo.Status, photo.Headers["content-type"]));
        Assert.Equal(RenovationTesting.Png, await photo.BodyAsync());
        await using (var db = await factory.CreateDbContextAsync())
            Assert.Equal(2, await db.GateChecks.CountAsync(c => c.Outcome == GateOutcome.Valid));

        // The engineer inspects the common parts: damage without a photo is refused, with one it is recorded.
        engineer = await AsAsync(desk, Roles.Engineer);
        await OpenAsync(engineer, $"/renovations/{id}");
        await engineer.Locator("textarea[data-testid=inspection-damage-input]").FillAsync("Lift car scratched");
        await engineer.Locator("input[data-testid=inspection-charge]").FillAsync("350");
        await engineer.Locator("[data-testid=inspection-save]").ClickAsync();
        await Assertions.Expect(engineer.Locator("[data-testid=settlement-message]")).ToContainTextAsync("without photos");
        await engineer.Locator("input[data-testid=inspection-photos]").SetInputFilesAsync(new FilePayload { Name = "lift.png", MimeType = "image/png", Buffer = RenovationTesting.Png });
        // Every checklist item is marked before the inspection is saved; an unmarked one is refused next to the button.
        await engineer.Locator("[data-testid=inspection-save]").ClickAsync();
        await Assertions.Expect(engineer.Locator("[data-testid=settlement-message]")).ToContainTextAsync("Mark every checklist item");
        foreach (var check in CompletionRules.Checklist)
            await engineer.Locator($"input[data-testid=completion-{check}-ok]").ClickAsync();
        await engineer.Locator("[data-testid=inspection-save]").ClickAsync();
        await Assertions.Expect(engineer.Locator("[data-testid=inspection-damage]")).ToContainTextAsync("¥350.00");
        await engineer.CloseAsync();

        // The permit and the pass come back; Finance refunds the deposit less the charge, paid back by transfer.
        clerk = await AsAsync(desk, Roles.Clerk);
        await OpenAsync(clerk, $"/renovations/{id}");
        await clerk.Locator("[data-testid=permit-return]").ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=permit-returned]")).ToBeVisibleAsync();
        // The pass is lost: written off in its own row with the reason, and the gate then says so, not "returned".
        await clerk.Locator("[data-testid=pass-write-off]").First.ClickAsync();
        await clerk.Locator("[data-testid=pass-confirm-row] input[data-testid=pass-revoke-reason]").FillAsync("Worker lost the card");
        await clerk.Locator("[data-testid=pass-confirm-row] [data-testid=pass-revoke-confirm]").ClickAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=pass-returned]")).ToContainTextAsync("Worker lost the card");
        await Assertions.Expect(clerk.Locator("[data-testid=passes-message]")).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("[data-testid=settlement-message]")).ToHaveCountAsync(0);
        await clerk.CloseAsync();
        await guard.Locator("input[data-testid=gate-number]").FillAsync(permit + "-01");
        await guard.Locator("[data-testid=gate-check]").ClickAsync();
        await Assertions.Expect(guard.Locator("[data-testid=gate-outcome]")).ToHaveTextAsync("Written off (lost)");
        await Assertions.Expect(guard.Locator("[data-testid=gate-reason]")).ToContainTextAsync("Worker lost the card");
        finance = await AsAsync(desk, Roles.Finance);
        await OpenAsync(finance, $"/renovations/{id}");
        await Assertions.Expect(finance.Locator("input[data-testid=refund-amount]")).ToHaveValueAsync("1650.00");
        await finance.Locator("input[data-testid=refund-method-BankTransfer]").ClickAsync();
        await finance.Locator("input[data-testid=refund-reference]").FillAsync("TR778899");
        await finance.Locator("[data-testid=refund-save]").ClickAsync();
        await Assertions.Expect(finance.Locator("[data-testid=refund-done]")).ToContainTextAsync("¥1,650.00");
        var refund = (await renovations.SheetAsync(id)).Refund!;
        Assert.Equal((RenovationStatus.Settled, PaymentMethod.BankTransfer), ((await renovations.SheetAsync(id)).Status, refund.Method));
        await finance.GotoAsync(factory.BaseUrl + $"/renovations/{id}/receipts/{refund.Id}");
        await Assertions.Expect(finance.Locator("[data-testid=receipt-number]")).ToHaveTextAsync(refund.ReceiptNumber);
        await Assertions.Expect(finance.Locator("[data-testid=receipt-figures]")).ToHaveTextAsync("¥1,650.00");
    }
}
