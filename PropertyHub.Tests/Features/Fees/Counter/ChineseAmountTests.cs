using System.Globalization;
using PropertyHub.Features.Fees.Counter;

namespace PropertyHub.Tests.Features.Fees.Counter;

public sealed class ChineseAmountTests
{
    [Theory]
    [InlineData("1234.50", "壹仟贰佰叁拾肆元伍角整")]
    [InlineData("1234.56", "壹仟贰佰叁拾肆元伍角陆分")]
    [InlineData("1005.00", "壹仟零伍元整")]
    [InlineData("1005", "壹仟零伍元整")]
    [InlineData("10.05", "壹拾元零伍分")]
    [InlineData("10.00", "壹拾元整")]
    [InlineData("0.50", "伍角整")]
    [InlineData("0.05", "伍分")]
    [InlineData("0.55", "伍角伍分")]
    [InlineData("0.01", "壹分")]
    [InlineData("0", "零元整")]
    [InlineData("1", "壹元整")]
    [InlineData("9", "玖元整")]
    [InlineData("11", "壹拾壹元整")]
    [InlineData("20", "贰拾元整")]
    [InlineData("100", "壹佰元整")]
    [InlineData("101", "壹佰零壹元整")]
    [InlineData("110", "壹佰壹拾元整")]
    [InlineData("1010", "壹仟零壹拾元整")]
    [InlineData("1100", "壹仟壹佰元整")]
    [InlineData("1001", "壹仟零壹元整")]
    [InlineData("100000.00", "壹拾万元整")]
    [InlineData("10000", "壹万元整")]
    [InlineData("10001", "壹万零壹元整")]
    [InlineData("10010", "壹万零壹拾元整")]
    [InlineData("10500", "壹万零伍佰元整")]
    [InlineData("15000", "壹万伍仟元整")]
    [InlineData("100500", "壹拾万零伍佰元整")]
    [InlineData("107000.53", "壹拾万柒仟元伍角叁分")]
    [InlineData("1680.32", "壹仟陆佰捌拾元叁角贰分")]
    [InlineData("16409.02", "壹万陆仟肆佰零玖元零贰分")]
    [InlineData("325.04", "叁佰贰拾伍元零肆分")]
    [InlineData("280.50", "贰佰捌拾元伍角整")]
    [InlineData("880.50", "捌佰捌拾元伍角整")]
    [InlineData("1000000", "壹佰万元整")]
    [InlineData("1000000.00", "壹佰万元整")]
    [InlineData("1234567.89", "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分")]
    [InlineData("100000000", "壹亿元整")]
    [InlineData("100000005", "壹亿零伍元整")]
    [InlineData("100500000", "壹亿零伍拾万元整")]
    [InlineData("110000000", "壹亿壹仟万元整")]
    [InlineData("123456789012.34", "壹仟贰佰叁拾肆亿伍仟陆佰柒拾捌万玖仟零壹拾贰元叁角肆分")]
    [InlineData("1000000000000", "壹万亿元整")]
    [InlineData("1000000010000", "壹万亿零壹万元整")]
    [InlineData("-350.00", "负叁佰伍拾元整")]
    [InlineData("-0.50", "负伍角整")]
    [InlineData("-10.05", "负壹拾元零伍分")]
    public void InCapitals_Simplified(string amount, string expected) =>
        Assert.Equal(expected, ChineseAmount.InCapitals(decimal.Parse(amount, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("1234.50", "壹仟貳佰參拾肆元伍角整")]
    [InlineData("26.63", "貳拾陸元陸角參分")]
    [InlineData("100000.00", "壹拾萬元整")]
    [InlineData("300000000", "參億元整")]
    [InlineData("-350.00", "負參佰伍拾元整")]
    [InlineData("10.05", "壹拾元零伍分")]
    public void InCapitals_Traditional(string amount, string expected) =>
        Assert.Equal(expected, ChineseAmount.InCapitals(decimal.Parse(amount, CultureInfo.InvariantCulture), traditional: true));

    [Theory]
    [InlineData("0.005", "壹分")]
    [InlineData("0.004", "零元整")]
    [InlineData("9.995", "壹拾元整")]
    [InlineData("-0.005", "负壹分")]
    public void InCapitals_MoreThanTwoDecimals_RoundedHalfAwayFromZero(string amount, string expected) =>
        Assert.Equal(expected, ChineseAmount.InCapitals(decimal.Parse(amount, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("zh-Hant", "貳佰元整")]
    [InlineData("zh-TW", "貳佰元整")]
    [InlineData("zh-HK", "貳佰元整")]
    [InlineData("zh-Hans", "贰佰元整")]
    [InlineData("zh-CN", "贰佰元整")]
    [InlineData("en-US", "贰佰元整")]
    [InlineData("", "贰佰元整")]
    public void InCapitals_ByCulture_TraditionalOnlyForHant(string culture, string expected) =>
        Assert.Equal(expected, ChineseAmount.InCapitals(200m, CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void InCapitals_NoDigitRepeatsAZeroAndEveryAmountEndsRight()
    {
        // Every amount from 0.00 to 1,100.00 by 0.37: never two 零 together, never 零 before 元/万/亿, ends with 整 or 分.
        for (var amount = 0m; amount < 1100m; amount += 0.37m)
        {
            var text = ChineseAmount.InCapitals(amount);
            Assert.DoesNotContain("零零", text, StringComparison.Ordinal);
            Assert.DoesNotContain("零元", amount >= 1 ? text : "", StringComparison.Ordinal);
            Assert.DoesNotContain("零万", text, StringComparison.Ordinal);
            Assert.True(text.EndsWith('整') || text.EndsWith('分'), text);
            Assert.Equal(amount % 0.1m == 0, text.EndsWith('整'));
        }
    }

    [Fact]
    public void InCapitals_TooLarge_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ChineseAmount.InCapitals(decimal.MaxValue));
}
