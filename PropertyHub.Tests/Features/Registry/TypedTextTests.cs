using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Surveys;

namespace PropertyHub.Tests.Features.Registry;

/// <summary>What people type: invisible characters removed, digits NFKC-normalised, other scripts' digits refused.</summary>
public sealed class TypedTextTests
{
    public static TheoryData<string, string> InvisibleCharacters => new()
    {
        { "\u202Eevil\u202C", "evil" },
        { "张\u200B三", "张三" },
        { "\u2066王五\u2069", "王五" },
        { "\uFEFF李四\u200D", "李四" },
        { "a\u200Cb\u2060c\u200Ed\u200Fe\u061Cf\u202Ag\u202Bh\u202Di\u2067j\u2068", "abcdefghij" },
    };

    [Theory]
    [MemberData(nameof(InvisibleCharacters))]
    public void Text_ZeroWidthAndBidiControls_AreRemoved(string typed, string stored) =>
        Assert.Equal(stored, TypedText.Text(typed));

    [Fact]
    public void Text_OnlyInvisibleOrBlank_IsNull()
    {
        Assert.Null(TypedText.Text("\u200B \u202E "));
        Assert.Null(TypedText.Text(null));
        Assert.Null(TypedText.Digits("\u3000"));
    }

    [Fact]
    public void Text_FullWidthPunctuationInNames_IsKept() =>
        Assert.Equal("陈（一）", TypedText.Text(" 陈（一） "));

    [Theory]
    [InlineData("１３９００００９９０１", "13900009901")]
    [InlineData("\u202A139 0000 9901\u202C", "139 0000 9901")]
    [InlineData("０５９１－１２３４５６７８", "0591-12345678")]
    [InlineData("１２０１", "1201")]
    public void Digits_FullWidthAndInvisible_BecomeAscii(string typed, string stored)
    {
        Assert.Equal(stored, TypedText.Digits(typed));
        Assert.False(TypedText.HasOtherDigits(TypedText.Digits(typed)));
    }

    [Theory]
    [InlineData("١٣٩٠٠٠٠٩٩٠١")] // Arabic-Indic
    [InlineData("۱۳۹۰۰۰۰۹۹۰۱")] // Extended Arabic-Indic (Persian)
    [InlineData("१३९००००९९०१")] // Devanagari
    [InlineData("139000099٠1")] // one digit mixed in
    public void Digits_OtherScriptsDigits_StayAndAreDetected(string typed) =>
        Assert.True(TypedText.HasOtherDigits(TypedText.Digits(typed)));

    [Theory]
    [InlineData("13900009901")]
    [InlineData("一单元")]
    [InlineData("")]
    public void HasOtherDigits_AsciiOrNoDigits_IsFalse(string value) =>
        Assert.False(TypedText.HasOtherDigits(value));

    [Fact]
    public void Phones_ArabicIndicDigits_AreNotAPhoneNumber()
    {
        Assert.True(Phones.IsValid("13900009901"));
        Assert.False(Phones.IsValid("١٣٩٠٠٠٠٩٩٠١"));
        Assert.False(Phones.IsValid("０５９１-１２３４５６７８"));
    }

    [Fact]
    public void IdNumbers_CheckDigit_FollowsGb11643()
    {
        // The standard's own example: 11010519491231002X.
        Assert.Equal('X', IdNumbers.CheckCharacter("11010519491231002"));
        Assert.True(IdNumbers.IsValidPersonId("11010519491231002X"));
        Assert.True(IdNumbers.IsValidPersonId("11010519491231002x"));
        Assert.False(IdNumbers.IsValidPersonId("110105194912310021"));
        Assert.False(IdNumbers.IsValidPersonId("11010519491231002"));
    }

    [Fact]
    public void IdNumbers_ArabicIndicDigits_AreNeverValid()
    {
        // With \d these matched the pattern and the check character was computed from their code points.
        var arabic = string.Concat("11010519491231002".Select(c => (char)(c - '0' + '\u0660')));
        for (var check = 0; check < 11; check++)
            Assert.False(IdNumbers.IsValidPersonId(arabic + "10X98765432"[check]));
    }

    [Fact]
    public void RegistryRules_OtherScriptsDigits_GetTheirOwnMessage()
    {
        var unit = RegistryRules.CheckUnit("١٠١", 1, 50m).Single();
        Assert.Equal((nameof(Unit.Number), "DigitsNotAscii"), (unit.Field, unit.MessageKey));
        var occupant = RegistryRules.CheckOccupant(OccupantKind.Person, "王五", "١٣٩٠٠٠٠٩٩٠١", "13900009901", null, "١١٠١٠٥١٩٤٩١٢٣١٠٠٢X", "zh-Hans").ToList();
        Assert.Equal([(nameof(Occupant.Phone), "DigitsNotAscii"), (nameof(Occupant.IdNumber), "DigitsNotAscii")],
            occupant.Select(v => (v.Field, v.MessageKey)));
    }

    [Theory]
    [InlineData("１２８．５０", 128.50)]
    [InlineData("\u200B99元", 99)]
    public void ParseAmount_FullWidthAndInvisible_AreRead(string typed, double expected) =>
        Assert.Equal(((decimal?)expected, (string?)null), FeeRules.ParseAmount(typed));

    [Theory]
    [InlineData("١٢٨")]
    [InlineData("12٨.50")]
    [InlineData("१००")]
    public void ParseAmount_OtherScriptsDigits_AreRefusedWithTheirOwnMessage(string typed) =>
        Assert.Equal((null, "AmountDigitsNotAscii"), FeeRules.ParseAmount(typed));

    [Fact]
    public void QuarterAndHalfYear_ArabicIndicYear_AreNotParsedAndDoNotThrow()
    {
        Assert.False(SurveyQuarter.TryParse("٢٠٢٦-Q1", out _));
        Assert.False(HalfYear.TryParse("٢٠٢٦-H1", out _));
        Assert.True(SurveyQuarter.TryParse(TypedText.Digits("２０２６-Q１"), out var quarter));
        Assert.Equal(new SurveyQuarter(2026, 1), quarter);
    }
}
