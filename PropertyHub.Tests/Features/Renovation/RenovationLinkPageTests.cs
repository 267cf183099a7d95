using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Features.Accounts;
using Microsoft.Extensions.Localization;
using PropertyHub.Features.Notices;
using PropertyHub.Features.Renovation;
using PropertyHub.Resources;
using PropertyHub.Tests.Testing;

namespace PropertyHub.Tests.Features.Renovation;

/// <summary>
/// The owner's signing link (/rs/…) over HTTP, as the phone posts it: signed once, then the browser's refresh (the same
/// form posted again) and a later visit both say the agreement is already signed, in the owner's language.
/// </summary>
public sealed partial class RenovationLinkPageTests : IClassFixture<RenovationAppFactory>
{
    private readonly RenovationAppFactory factory;
    private readonly RenovationTesting renovations;

    public RenovationLinkPageTests(RenovationAppFactory factory)
    {
        this.factory = factory;
        factory.Clock.Set(RenovationAppFactory.Start);
        renovations = new RenovationTesting(factory);
    }

    [Fact]
    public async Task TheOwnersLink_RefreshedAfterSigning_SaysTheAgreementIsAlreadySigned_InTheOwnersLanguage()
    {
        var id = await renovations.ApprovedAsync();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var ownerId = await db.RenovationApplications.Where(a => a.Id == id).Select(a => a.OccupantId).SingleAsync();
            (await db.Occupants.SingleAsync(o => o.Id == ownerId)).PreferredLanguage = "zh-Hant";
            await db.SaveChangesAsync();
        }
        RenovationResult sent = default!;
        await factory.AsAsync(Roles.Clerk, async sp => sent = await sp.GetRequiredService<RenovationLinks>().SendAsync(id, RenovationParty.Owner));
        Assert.True(sent.Ok, string.Join(",", sent.Errors));
        string sealedLink;
        await using (var db = await factory.CreateDbContextAsync())
            sealedLink = (await db.Notices.Where(n => n.Kind == "renovation-sign" && n.SourceKey.StartsWith($"renovation-sign:{id}:Owner:")).Select(n => n.SealedLink).FirstAsync())!;
        var url = factory.Services.OpenLink(sealedLink)!;
        var path = url[url.LastIndexOf("/rs/", StringComparison.Ordinal)..];
        using var client = factory.CreateClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("renovation-link-form", page);

        Assert.Contains("已簽名，謝謝。", await LinkForms.PostAsync(client, path, page, ("Input.Signature", RenovationTesting.Signature)));
        var refreshed = await LinkForms.PostAsync(client, path, page, ("Input.Signature", RenovationTesting.Signature));
        Assert.Contains("裝修管理協議（業主）已經簽署，謝謝您！", refreshed);
        Assert.DoesNotContain("評議表", refreshed);
        var later = WebUtility.HtmlDecode(await client.GetStringAsync(path));
        Assert.Contains("裝修管理協議（業主）已經簽署，謝謝您！", later);
        Assert.DoesNotContain("renovation-link-form", later);
        var signed = await renovations.SheetAsync(id);
        Assert.NotNull(signed.OwnerSignedAt);
        // The link witnessed it: named in the reader's language, whatever language it was stored in.
        var text = factory.Services.GetRequiredService<IStringLocalizer<RenovationText>>();
        Assert.Equal("personal link", NoticeOutbox.WriteIn(new System.Globalization.CultureInfo("en"), () => RenovationLinks.Witness(signed.OwnerWitnessedBy, text)));
        Assert.Equal("個人連結", NoticeOutbox.WriteIn(new System.Globalization.CultureInfo("zh-Hant"), () => RenovationLinks.Witness(signed.OwnerWitnessedBy, text)));
    }
}
