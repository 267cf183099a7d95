using PropertyHub.Features.Registry;

namespace PropertyHub.Tests.Features.Registry;

public sealed class BuildingNamesTests
{
    [Theory]
    [InlineData("1", "1号楼", "1号楼")]
    [InlineData("A", "东区商务楼", "东区商务楼")]
    [InlineData("3", " ", "3")]
    [InlineData("3", null, "3")]
    public void Of_CodeAndName_TheNameAsWrittenNeverBothRunTogether(string code, string? name, string expected) =>
        Assert.Equal(expected, BuildingNames.Of(code, name));

    [Fact]
    public void Of_TwoBuildingsWithOneName_TheCodeTellsThemApartTheOthersStayPlain()
    {
        var labels = BuildingNames.Of([(1, "1", "1号楼"), (2, "A", "商务楼"), (3, "B", "商务楼"), (4, "7", null)]);

        Assert.Equal("1号楼", labels[1]);
        Assert.Equal("商务楼 (A)", labels[2]);
        Assert.Equal("商务楼 (B)", labels[3]);
        Assert.Equal("7", labels[4]);
    }
}
