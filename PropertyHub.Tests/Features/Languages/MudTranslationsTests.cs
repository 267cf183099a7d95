using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace PropertyHub.Tests.Features.Languages;

public sealed class MudTranslationsTests : IClassFixture<AppFactory>
{
    private readonly AppFactory factory;

    public MudTranslationsTests(AppFactory factory) => this.factory = factory;

    [Theory]
    [InlineData("zh-Hans", "清除")]
    [InlineData("zh-Hant", "清除")]
    [InlineData("en", "Clear")]
    public async Task MudLocalizer_InEachLanguage_GivesMudBlazorsOwnTexts(string culture, string expected)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo(culture);
            await factory.WithScopeAsync(sp =>
            {
                var localizer = sp.GetRequiredService<MudLocalizer>();
                var text = localizer["MudDataGrid_Clear"];
                Assert.False(text.ResourceNotFound);
                Assert.Equal(expected, text.Value);
                return Task.CompletedTask;
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public async Task MudLocalizer_PagerText_IsChineseInSimplifiedChinese()
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            await factory.WithScopeAsync(sp =>
            {
                Assert.Equal("每页行数:", sp.GetRequiredService<MudLocalizer>()["MudDataGridPager_RowsPerPage"].Value);
                return Task.CompletedTask;
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
