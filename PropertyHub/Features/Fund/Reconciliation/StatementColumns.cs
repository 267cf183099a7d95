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
}

/// <summary>
/// Which header names a bank's statement uses for each field, saved per bank once Finance has mapped it. Without a
/// saved mapping the headers Chinese banks commonly use are tried (<see cref="Common"/>).
/// </summary>
public sealed record StatementColumns(IReadOnlyDictionary<StatementField, IReadOnlyList<string>> Headers)
{
    public static readonly StatementColumns Common = new(new Dictionary<StatementField, IReadOnlyList<string>>
    {
        [StatementField.Date] = ["交易日期", "記賬日期", "记账日期", "交易時間", "交易时间", "日期", "Date", "Transaction date"],
        [StatementField.Amount] = ["交易金額", "交易金额", "發生額", "发生额", "Amount"],
        [StatementField.Debit] = ["借方發生額", "借方发生额", "支出金額", "支出金额", "借方金額", "借方金额", "支出", "Debit"],
        [StatementField.Credit] = ["貸方發生額", "贷方发生额", "收入金額", "收入金额", "貸方金額", "贷方金额", "收入", "Credit"],
        [StatementField.Balance] = ["賬戶餘額", "账户余额", "餘額", "余额", "Balance"],
        [StatementField.Reference] = ["交易流水號", "交易流水号", "流水號", "流水号", "憑證號", "凭证号", "Reference"],
        [StatementField.Counterparty] = ["對方戶名", "对方户名", "對方賬戶名稱", "对方账户名称", "Counterparty"],
        [StatementField.Summary] = ["摘要", "用途", "附言", "Summary", "Description"],
    });

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
        foreach (var (field, names) in Headers)
        {
            if (names.Any(n => string.Equals(Normalise(n), clean, StringComparison.OrdinalIgnoreCase)))
                return field;
        }
        return null;
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

    private static string Normalise(string header)
    {
        var text = TypedText.Digits(header) ?? "";
        foreach (var unit in new[] { "(元)", "(RMB)", "(CNY)" })
            text = text.Replace(unit, "", StringComparison.OrdinalIgnoreCase);
        return text.Replace(" ", "", StringComparison.Ordinal);
    }
}
