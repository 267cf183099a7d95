using System.Globalization;
using PropertyHub.Features.OccupantFile.Documents;

namespace PropertyHub.Tests.Features.OccupantFile.Documents;

/// <summary>
/// The note of a paper another module filed reads in the reader's language, however the one who filed it wrote it (the
/// owner's file in Chinese showed "来源：Renovation 1-101, permit …"); a note typed by hand reads as typed.
/// </summary>
public sealed class PaperSourcesTests
{
    private static string ReadIn(string language, string note)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(language);
        try
        {
            return PaperSources.Read(note);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("Move-in 1-103 (#3)", "zh-Hans", "入伙 1-103（#3）")]
    [InlineData("Renovation 1-101, permit SG2026-000003", "zh-Hans", "装修 1-101，施工许可证 SG2026-000003")]
    [InlineData("Proxy service: Water and electricity accounts (#4)", "zh-Hant", "代辦服務：水電開戶（#4）")]
    [InlineData("入伙 1-103(#3)", "en", "Move-in 1-103 (#3)")]
    [InlineData("代办服务：水电开户（#4）", "en", "Proxy service: Water and electricity accounts (#4)")]
    [InlineData("Proxy service: Cleaning (#5)", "zh-Hans", "代办服务：Cleaning（#5）")]
    [InlineData("Brought by the owner's lawyer", "zh-Hans", "Brought by the owner's lawyer")]
    public void AFiledPapersNote_ReadsInTheReadersLanguage(string note, string language, string expected) =>
        Assert.Equal(expected, ReadIn(language, note));
}
