using System.Globalization;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.MoveIn;
using PropertyHub.Features.MoveIn.Counter;
using PropertyHub.Features.OccupantFile.Documents;
using PropertyHub.Features.Repairs;
using PropertyHub.Features.Settings;

namespace PropertyHub.Tests.Features.MoveIn;

/// <summary>
/// The move-in's printed papers (house inspection form, key receipt, move-in record) in the language asked for, with the
/// owner's signature; and the key receipt signed by personal link, landing on the occupant's file like the tablet's.
/// </summary>
public sealed partial class MoveInPapersTests(MoveInClock clock) : IClassFixture<MoveInClock>
{
    private readonly ClockedAppFactory app = clock.Factory;
    private readonly MoveInTesting moveIns = new(clock.Factory);

    private async Task<string> PrintAsync(int moveInId, string paper, string? lang)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        await using var scope = app.Services.CreateAsyncScope();
        await ActingAs.SignInScopeAsync(scope.ServiceProvider, Roles.Clerk);
        await using var ctx = new BunitContext();
        try
        {
            ctx.JSInterop.Mode = JSRuntimeMode.Loose;
            ctx.Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
            ctx.Services.AddLocalization();
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<MoveInService>());
            ctx.Services.AddSingleton(scope.ServiceProvider.GetRequiredService<EstateTime>());
            // ?lang= comes from the address, as when the clerk's print button opens the page.
            ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo($"/move-in/{moveInId}/print/{paper}?lang={lang}");
            var page = ctx.Render<MoveInPaperPage>(p => p.Add(x => x.Id, moveInId).Add(x => x.Paper, paper));
            page.WaitForAssertion(() => Assert.True(page.FindAll("[data-testid=move-in-paper], [data-testid=move-in-paper-none]").Count > 0));
            return page.Markup;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task ThePapers_PrintInTheLanguageAsked_WithTheOwnersSignatureWhereSigned()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var id = ids[0];
        Assert.True((await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk,
            s => s.AddDefectAsync(id, new DefectInput { Place = "厨房", Description = "水龙头漏水", Category = RepairCategory.Water }))).Ok);
        var unsigned = await PrintAsync(id, MoveInPaperPage.Keys, "en");
        Assert.Contains("Key receipt", unsigned);
        Assert.DoesNotContain("paper-signature", unsigned);

        await moveIns.ReadyAsync(id);
        // Completed by a clerk working in English; the owner's print in Chinese reads every line in Chinese.
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            Assert.True((await moveIns.CompleteAsync(id)).Ok);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        var sheet = await moveIns.SheetAsync(id);

        var keys = await PrintAsync(id, MoveInPaperPage.Keys, "zh-Hant");
        Assert.Contains("鑰匙簽收表", keys);
        Assert.Contains("大门钥匙 3 把", keys);
        Assert.Contains("paper-signature", keys);
        var inspection = await PrintAsync(id, MoveInPaperPage.Inspection, "en");
        Assert.Contains("House inspection form", inspection);
        Assert.Contains("水龙头漏水", inspection);
        Assert.Contains("#" + sheet.Defects.Single().WorkOrderId, inspection);
        var record = await PrintAsync(id, MoveInPaperPage.Record, "zh-Hans");
        Assert.Contains("入伙注记", record);
        Assert.Contains(MoveInMessages.Day(sheet.MovedInOn!.Value), record);
        Assert.Contains("业主满意", record);
        Assert.Contains("已收资料：", record);
        Assert.Contains("钥匙签收：大门钥匙 3 把", record);
        Assert.DoesNotContain("Documents received", record);
        Assert.DoesNotContain("Keys signed for", record);
        Assert.Contains("Documents received:", await PrintAsync(id, MoveInPaperPage.Record, "en"));
        Assert.Contains("move-in-paper-none", await PrintAsync(id, "other", "en"));
    }

    [Fact]
    public async Task TheKeyReceipt_SignedByPersonalLink_SpendsTheLink_AndGoesOnFileWithTheMoveIn()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var id = ids[0];
        Assert.Equal("KeysRequired", (await SendAsync(id)).Errors[""]);
        var sheet = await moveIns.SheetAsync(id);
        Assert.True((await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.InspectAsync(id, sheet.Version))).Ok);
        sheet = await moveIns.SheetAsync(id);
        Assert.True((await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.SetKeysAsync(id, sheet.Version, "信箱钥匙 1 把"))).Ok);

        Assert.True((await SendAsync(id)).Ok);
        var token = await KeyTokenAsync(id);
        using var client = app.CreateClient();
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/mk/" + token));
        Assert.Contains("key-link-form", page);
        Assert.Contains("信箱钥匙 1 把", page);
        Assert.Equal("SignatureEmpty", await SignAsync(token, ""));

        Assert.Null(await SignAsync(token, MoveInTesting.Signature));

        sheet = await moveIns.SheetAsync(id);
        Assert.Equal(MoveInTesting.Signature, sheet.KeysSignature);
        Assert.NotNull(sheet.KeysSignedAt);
        Assert.Equal("LinkInvalid", await SignAsync(token, MoveInTesting.Signature));
        Assert.DoesNotContain("key-link-form", await client.GetStringAsync("/mk/" + token));
        Assert.Equal("AlreadySigned", (await SendAsync(id)).Errors[""]);
        // Completed as after the tablet: the key receipt goes on the occupant's file.
        Assert.True((await moveIns.CompleteAsync(id)).Ok);
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.OccupantDocuments.AnyAsync(d => d.OccupantId == sheet.OccupantId && d.KindId == StandardDocumentKinds.KeyReceipt));
    }

    [Fact]
    public async Task TheKeyReceiptLink_RefreshedAfterSigning_SaysAlreadySignedInTheOwnersLanguage()
    {
        var (_, ids) = await moveIns.NoticedBatchAsync(1, inDays: 0);
        var id = ids[0];
        var sheet = await moveIns.SheetAsync(id);
        Assert.True((await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.InspectAsync(id, sheet.Version))).Ok);
        sheet = await moveIns.SheetAsync(id);
        Assert.True((await moveIns.AsAsync<MoveInResult, MoveInService>(Roles.Clerk, s => s.SetKeysAsync(id, sheet.Version, "大门钥匙 2 把"))).Ok);
        await using (var db = await app.CreateDbContextAsync())
        {
            (await db.Occupants.SingleAsync(o => o.Id == sheet.OccupantId)).PreferredLanguage = "zh-Hant";
            await db.SaveChangesAsync();
        }
        Assert.True((await SendAsync(id)).Ok);
        var token = await KeyTokenAsync(id);
        using var client = app.CreateClient();
        var page = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/mk/" + token));

        var signed = await LinkForms.PostAsync(client, "/mk/" + token, page, ("Input.Signature", MoveInTesting.Signature));
        Assert.Contains("謝謝，鑰匙簽收表已簽署。", signed);
        // The browser's refresh posts the same form again: the page says the receipt is signed, in the owner's language.
        var refreshed = await LinkForms.PostAsync(client, "/mk/" + token, page, ("Input.Signature", MoveInTesting.Signature));
        Assert.Contains("鑰匙簽收表已經簽署，謝謝您！", refreshed);
        Assert.Contains("鑰匙簽收表已經簽署，謝謝您！", System.Net.WebUtility.HtmlDecode(await client.GetStringAsync("/mk/" + token)));
        Assert.Equal(MoveInTesting.Signature, (await moveIns.SheetAsync(id)).KeysSignature);
    }

    private Task<MoveInResult> SendAsync(int id) => moveIns.AsAsync<MoveInResult, MoveInKeyLinks>(Roles.Clerk, s => s.SendAsync(id));

    private async Task<string?> SignAsync(string token, string signature)
    {
        await using var scope = app.Services.CreateAsyncScope();
        ActingAs.AnonymousScope(scope.ServiceProvider);
        return await scope.ServiceProvider.GetRequiredService<MoveInKeyLinks>().SignAsync(token, signature);
    }

    private async Task<string> KeyTokenAsync(int moveInId)
    {
        await using var db = await app.CreateDbContextAsync();
        var sealedLink = await db.Notices.Where(n => n.Kind == MoveInKeyLinks.NoticeKind && n.SourceKey.StartsWith($"move-in-keys:{moveInId}:"))
            .Select(n => n.SealedLink).FirstAsync();
        var url = app.Services.OpenLink(sealedLink)!;
        return url[(url.LastIndexOf("/mk/", StringComparison.Ordinal) + 4)..];
    }
}
