using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PropertyHub.Data;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Tests.Features.Notices;

namespace PropertyHub.Tests.Features.PersonalLinks;

/// <summary>
/// A database from before links were sealed keeps plain URLs in its notices. The next start, under the start-up lock,
/// clears them from notices already sent and seals the others, and no byte of the file keeps the old tokens.
/// </summary>
public sealed class PlainLinksUpgradeTests : IAsyncLifetime
{
    private readonly NoticesApp app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Start_PlainLinksStoredBefore_SentOnesClearedWaitingOnesSealedNoTokenLeftInTheFile()
    {
        var occupant = await app.AddOccupantAsync(email: NoticesApp.NewEmail(), phone: NoticesApp.NewMobile());
        var notices = await app.AddNoticesAsync(occupant);
        var letter = Assert.Single(await app.AddNoticesAsync(await app.AddOccupantAsync()));
        var email = notices.Single(n => n.Channel == NoticeChannel.Email);
        var sms = notices.Single(n => n.Channel == NoticeChannel.Sms);
        var urls = new Dictionary<int, string>();
        await using (var db = await app.CreateDbContextAsync())
        {
            foreach (var id in new[] { email.Id, sms.Id, letter.Id })
            {
                urls[id] = "http://localhost:5000/l/" + LinkTokens.NewToken();
                // As the old version stored it: the link in the clear, now in the renamed column.
                await db.Notices.Where(n => n.Id == id).ExecuteUpdateAsync(s => s.SetProperty(n => n.SealedLink, urls[id]));
            }
            await db.Notices.Where(n => n.Id == sms.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.Status, NoticeStatus.Sent));
        }
        var tokens = urls.Values.Select(StoredTokens.TokenOf).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(tokens, StoredTokens.FoundInDatabase(app.Factory.EffectiveConnectionString, tokens));

        await app.InScope(async sp =>
        {
            await sp.GetRequiredService<DatabaseStartup>().PrepareAsync();
            return 0;
        });

        var links = app.App.Services.GetRequiredService<NoticeLinks>();
        Assert.Equal(urls[email.Id], links.Open(await app.LoadAsync(email.Id)));
        Assert.Equal(urls[letter.Id], links.Open(await app.LoadAsync(letter.Id)));
        Assert.Null((await app.LoadAsync(sms.Id)).SealedLink);
        Assert.Empty(StoredTokens.FoundInDatabase(app.Factory.EffectiveConnectionString, tokens));
    }
}
