using PropertyHub.Features.Registry;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>What a statement column holds.</summary>
public enum StatementField
{
    Date,
    /// <summary>One signed amount column (money out negative); or the two below.</summary>
    Amount,
    Debit,
    Credit,
    Balance,
    Reference,
    Counterparty,
    Summary,
    /// <summary>Where the account number is: a column of the lines, or the label of a line above the header row ("卡号").</summary>
    Account,
}

/// <summary>
/// Which header names a bank's statement uses for each field, saved per bank once Finance has mapped it. Without a
/// saved mapping the headers Chinese banks commonly use are tried (<see cref="Common"/>).
/// </summary>
public sealed record StatementColumns(IReadOnlyDictionary<StatementField, IReadOnlyList<string>> Headers)
{
    // The headers of ICBC, ABC, BOC, CCB and BoCom exports, simplified and traditional; a bracketed qualifier such as
    // CCB's "借方发生额（支取）" is also matched by the name before it (see FieldOf).
    public static readonly StatementColumns Common = new(new Dictionary<StatementField, IReadOnlyList<string>>
    {
        [StatementField.Date] = ["交易日期", "記賬日期", "记账日期", "記帳日期", "入账日期", "入賬日期", "交易時間", "交易时间", "日期", "Date", "Transaction date"],
        [StatementField.Amount] = ["交易金額", "交易金额", "發生額", "发生额", "Amount"],
        [StatementField.Debit] = ["借方發生額", "借方发生额", "支出金額", "支出金额", "借方金額", "借方金额", "支取金额", "支取金額", "付款金额", "付款金額", "支出", "Debit"],
        [StatementField.Credit] = ["貸方發生額", "贷方发生额", "收入金額", "收入金额", "貸方金額", "贷方金额", "存入金额", "存入金額", "收款金额", "收款金額", "收入", "Credit"],
        [StatementField.Balance] = ["賬戶餘額", "账户余额", "帳戶餘額", "交易后余额", "交易後餘額", "本次余额", "本次餘額", "联机余额", "聯機餘額", "餘額", "余额", "Balance"],
        [StatementField.Reference] = ["交易流水號", "交易流水号", "流水號", "流水号", "憑證號", "凭证号", "凭证号码", "憑證號碼", "会计流水号", "會計流水號", "Reference"],
        [StatementField.Counterparty] = ["對方戶名", "对方户名", "對方賬戶名稱", "对方账户名称", "對方帳戶名稱", "对方账户户名", "對方賬戶戶名", "对方单位名称", "對方單位名稱", "Counterparty"],
        [StatementField.Summary] = ["摘要", "用途", "附言", "交易用途", "備註", "备注", "Summary", "Description"],
        [StatementField.Account] = ["本方账号", "本方賬號", "本方帳號", "Account number"],
    });

    /// <summary>The labels a line above the header row names the account number with ("账号:3501…", "卡号", "账户").</summary>
    public static readonly IReadOnlyList<string> AccountLabels = ["賬號", "账号", "帳號", "卡号", "卡號", "账户", "賬戶", "帳戶", "Account"];

    /// <summary>The fields a statement cannot be read without: a date, and an amount either signed or as debit and credit.</summary>
    public static IReadOnlyList<StatementField> Missing(IReadOnlySet<StatementField> found)
    {
        var missing = new List<StatementField>();
        if (!found.Contains(StatementField.Date))
            missing.Add(StatementField.Date);
        if (!found.Contains(StatementField.Amount))
        {
            if (!found.Contains(StatementField.Debit))
                missing.Add(StatementField.Debit);
            if (!found.Contains(StatementField.Credit))
                missing.Add(StatementField.Credit);
        }
        return missing;
    }

    /// <summary>The field a header cell names, if any (spaces, full-width forms and a trailing "(元)" ignored).</summary>
    public StatementField? FieldOf(string header)
    {
        var clean = Normalise(header);
        if (clean.Length == 0)
            return null;
        // The name as written first; then without a bracketed qualifier: "借方发生额(支取)" is the "借方发生额" column.
        foreach (var name in new[] { clean, WithoutQualifier(clean) }.Distinct())
        {
            foreach (var (field, names) in Headers)
            {
                if (names.Any(n => string.Equals(Normalise(n), name, StringComparison.OrdinalIgnoreCase)))
                    return field;
            }
        }
        return null;
    }

    /// <summary>Two header cells name the same column, brackets, widths and spaces aside.</summary>
    public static bool Same(string a, string b) => string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static string WithoutQualifier(string clean)
    {
        var open = clean.IndexOf('(', StringComparison.Ordinal);
        return open > 0 && clean.EndsWith(')') ? clean[..open] : clean;
    }

    /// <summary>
    /// These headers with the ones Finance chose put first for their fields; a header chosen for one field no longer
    /// names another.
    /// </summary>
    public StatementColumns With(IReadOnlyDictionary<StatementField, string>? chosen)
    {
        if (chosen is null || chosen.Count == 0)
            return this;
        var taken = chosen.Values.Select(Normalise).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var headers = new Dictionary<StatementField, IReadOnlyList<string>>();
        foreach (var (field, header) in chosen)
            headers[field] = [header];
        foreach (var (field, names) in Headers)
        {
            var rest = names.Where(n => !taken.Contains(Normalise(n))).ToList();
            headers[field] = headers.TryGetValue(field, out var first) ? [.. first, .. rest] : rest;
        }
        return new(headers);
    }

    /// <summary>A mapping as saved: one "Field=header" a line.</summary>
    public static string Format(IReadOnlyDictionary<StatementField, string> mapping) =>
        string.Join('\n', mapping.OrderBy(m => m.Key).Select(m => $"{m.Key}={m.Value}"));

    /// <summary>A saved mapping read back; lines it does not understand are skipped.</summary>
    public static IReadOnlyDictionary<StatementField, string> Parse(string? saved)
    {
        var mapping = new Dictionary<StatementField, string>();
        foreach (var line in (saved ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = line.IndexOf('=', StringComparison.Ordinal);
            if (at > 0 && Enum.TryParse<StatementField>(line[..at], out var field) && Enum.IsDefined(field) && line[(at + 1)..].Trim() is { Length: > 0 } header)
                mapping[field] = header;
        }
        return mapping;
    }

    /// <summary>Full-width forms to half-width (NFKC: "（）" to "()", the ideographic space to a space), 【】 and [] as (), no spaces, no unit.</summary>
    private static string Normalise(string header)
    {
        var text = new string([.. (TypedText.Digits(header) ?? "").Where(c => !char.IsWhiteSpace(c))
            .Select(c => c switch { '【' or '[' or '〔' => '(', '】' or ']' or '〕' => ')', _ => c })]);
        foreach (var unit in new[] { "(元)", "(RMB)", "(CNY)", "(人民币)", "(人民幣)" })
            text = text.Replace(unit, "", StringComparison.OrdinalIgnoreCase);
        return text.TrimEnd(':');
    }
}
