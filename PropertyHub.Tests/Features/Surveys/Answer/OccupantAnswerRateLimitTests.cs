using System.Net;
using PropertyHub.Features.Languages;
using PropertyHub.Resources;

namespace PropertyHub.Tests.Features.Surveys.Answer;

public sealed class OccupantAnswerRateLimitTests : IDisposable
{
    private const int Permits = 3;
    private readonly SurveyAppFactory factory = new();

    public OccupantAnswerRateLimitTests()
    {
        factory.Settings["Links:PermitsPerMinute"] = Permits.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Page_MoreRequestsThanPermittedPerMinute_AreRefusedWith429()
    {
        var client = await factory.EnglishClientAsync();
        var token = new string('A', 43);
        for (var i = 0; i < Permits; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/l/" + token)).StatusCode);

        var refused = await client.GetAsync("/l/" + token);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(factory.Text<LinksText>(Cultures.English, "TooManyRequests"), await refused.Content.ReadAsStringAsync());
        // Staff pages are not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }
}
