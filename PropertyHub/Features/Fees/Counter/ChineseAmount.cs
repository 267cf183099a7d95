using System.Globalization;
using System.Text;

namespace PropertyHub.Features.Fees.Counter;

/// <summary>
/// An amount in Chinese capitals (大寫金額) as receipts and bank slips write it, following the People's Bank rules
/// for filling in settlement documents: 壹拾 with its 壹 (10.00 → 壹拾元整), one 零 for any run of zeros inside the
/// number, 零 after 元 when there are fen but no jiao (10.05 → 壹拾元零伍分), and 整 when there are no fen
/// (1234.50 → 壹仟贰佰叁拾肆元伍角整). A zero 元 digit before jiao writes no 零 (1680.32 → 壹仟陆佰捌拾元叁角贰分),
/// which the rules allow. Amounts are rounded half away from zero to the fen.
/// </summary>
public static class ChineseAmount
{
    /// <summary>The largest amount written: 9999万亿 and a bit.</summary>
    public const decimal Max = 9_999_999_999_999_999.99m;

    private sealed record Script(string Digits, string Ten, string Hundred, string Thousand, string TenThousand, string HundredMillion, string Minus);

    private static readonly Script Simplified = new("零壹贰叁肆伍陆柒捌玖", "拾", "佰", "仟", "万", "亿", "负");
    private static readonly Script Traditional = new("零壹貳參肆伍陸柒捌玖", "拾", "佰", "仟", "萬", "億", "負");

    /// <summary>In simplified script, or traditional for zh-Hant (貳 參 陸 萬 億; 元 either way).</summary>
    public static string InCapitals(decimal amount, bool traditional = false)
    {
        var script = traditional ? Traditional : Simplified;
        var fen = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        if (Math.Abs(fen) > Max)
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "Too large for Chinese capitals.");
        var text = new StringBuilder();
        if (fen < 0)
            text.Append(script.Minus);
        var abs = Math.Abs(fen);
        var yuan = (long)Math.Truncate(abs);
        var cents = (int)((abs - yuan) * 100);
        var (jiao, onlyFen) = (cents / 10, cents % 10);

        if (yuan > 0)
            text.Append(Integer(yuan, script)).Append('元');
        else if (cents == 0)
            text.Append(script.Digits[0]).Append('元');
        if (jiao > 0)
            text.Append(script.Digits[jiao]).Append('角');
        else if (yuan > 0 && onlyFen > 0)
            text.Append(script.Digits[0]);
        if (onlyFen > 0)
            text.Append(script.Digits[onlyFen]).Append('分');
        else
            text.Append('整');
        return text.ToString();
    }

    /// <summary>In the script of a UI culture: traditional for zh-Hant, zh-TW, zh-HK and zh-MO, simplified otherwise.</summary>
    public static string InCapitals(decimal amount, CultureInfo culture) => InCapitals(amount, IsTraditional(culture));

    public static bool IsTraditional(CultureInfo culture)
    {
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (c.Name is "zh-Hant" or "zh-TW" or "zh-HK" or "zh-MO" or "zh-CHT")
                return true;
        }
        return false;
    }

    /// <summary>A positive whole number: 亿 and 万 sections, a 零 where a section starts with zeros after a higher one.</summary>
    private static string Integer(long n, Script s)
    {
        if (n >= 1_0000_0000)
            return Integer(n / 1_0000_0000, s) + s.HundredMillion + Rest(n % 1_0000_0000, 1000_0000, s);
        if (n >= 1_0000)
            return Section(n / 1_0000, s) + s.TenThousand + Rest(n % 1_0000, 1000, s);
        return Section(n, s);
    }

    private static string Rest(long rest, long firstPlace, Script s) =>
        rest == 0 ? "" : (rest < firstPlace ? s.Digits[0].ToString() : "") + Integer(rest, s);

    /// <summary>1..9999: one 零 for a run of zeros inside, none at the end.</summary>
    private static string Section(long n, Script s)
    {
        string[] places = [s.Thousand, s.Hundred, s.Ten, ""];
        var text = new StringBuilder();
        var zero = false;
        for (int i = 0, divisor = 1000; i < 4; i++, divisor /= 10)
        {
            var digit = (int)(n / divisor % 10);
            if (digit == 0)
            {
                zero = text.Length > 0;
                continue;
            }
            if (zero)
                text.Append(s.Digits[0]);
            zero = false;
            text.Append(s.Digits[digit]).Append(places[i]);
        }
        return text.ToString();
    }
}
