using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using PropertyHub.Features.Registry;
using PropertyHub.Features.Registry.Import;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>A statement line as read: money in positive, money out negative; the row it came from for messages.</summary>
public sealed record StatementRow(int Row, DateOnly Date, decimal Amount, decimal? Balance, string? Reference, string? Counterparty, string? Summary);

/// <summary>
/// A statement read, or why not: <see cref="Error"/> is a FundText key with its arguments; <see cref="Missing"/> lists
/// the fields no column was found for (the mapping screen names them).
/// </summary>
public sealed record StatementRead(IReadOnlyList<StatementRow> Rows, string? AccountNumber, IReadOnlyList<string> Headers,
    IReadOnlyList<StatementField> Missing, string? Error = null, object[]? ErrorArgs = null)
{
    public bool Ok => Error is null && Missing.Count == 0;

    /// <summary>The balance after the last line, when the statement has a balance column.</summary>
    public decimal? ClosingBalance => Rows.Count > 0 ? Rows[^1].Balance : null;

    /// <summary>The header of each field found in the header row (what the mapping screen preselects).</summary>
    public IReadOnlyDictionary<StatementField, string> Recognised { get; init; } = new Dictionary<StatementField, string>();

    /// <summary>The labels of the lines above the header row that carry a number ("卡号"): where the account may be.</summary>
    public IReadOnlyList<string> AccountPlaces { get; init; } = [];

    public static StatementRead Fail(string error, params object[] args) => new([], null, [], [], error, args);
}

/// <summary>
/// Reads a bank statement as Chinese banks export it: .xlsx, or CSV in UTF-8 or GB18030 (decoded whole, as the
/// registry import does: <see cref="SheetEncoding"/>), with lines of account details above the header row. The header
/// row is the first with a date column and an amount (signed, or debit and credit); the account number is taken from a
/// "账号" cell above it. Amounts may carry thousands separators but at most two decimals.
/// </summary>
public static partial class StatementReader
{
    [System.Text.RegularExpressions.GeneratedRegex(@"\d{4}\s*[-/.年]\s*\d{1,2}")]
    private static partial System.Text.RegularExpressions.Regex DateInText();

    public const int MaxRows = 50_000;
    private const int HeaderSearchRows = 30;
    private static readonly string[] DateHeaderWords = ["日期", "日", "时间", "時間", "Date"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "yyyy.MM.dd", "yyyy-M-d", "yyyy/M/d", "yyyy-MM-dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss"];

    public static StatementRead Read(byte[] bytes, string fileName, StatementColumns columns)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (bytes.Length == 0)
            return StatementRead.Fail("StatementEmpty");
        if (extension == ".xls" || SheetEncoding.IsOleWorkbook(bytes))
            return StatementRead.Fail("StatementOldExcel");
        List<string[]> rows;
        if (extension == ".xlsx")
        {
            try
            {
                using var stream = new MemoryStream(bytes);
                rows = [.. stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX)
                    .Select(r => ((IDictionary<string, object?>)r).Values.Select(Cell).ToArray())];
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return StatementRead.Fail("StatementNotExcel");
            }
        }
        else if (extension is ".csv" or ".txt")
        {
            if (SheetEncoding.Decode(bytes) is not { } text)
                return StatementRead.Fail("StatementEncodingUnknown", SheetEncoding.Tried);
            rows = Csv(text);
        }
        else
        {
            return StatementRead.Fail("StatementUnknownType", string.IsNullOrEmpty(extension) ? "—" : extension);
        }
        return FromRows(rows, columns);
    }

    private static StatementRead FromRows(List<string[]> rows, StatementColumns columns)
    {
        var (headerIndex, fields) = FindHeader(rows, columns);
        var guessed = headerIndex >= 0 ? headerIndex : GuessHeader(rows, columns);
        var headers = guessed >= 0 ? rows[guessed] : [];
        if (headerIndex < 0)
            fields = Fields(headers, columns);
        var recognised = fields.ToDictionary(f => f.Value, f => headers[f.Key]);
        var preamble = rows.Take(Math.Max(guessed, 0)).ToList();
        var places = AccountPlaces(preamble);
        var missing = StatementColumns.Missing(fields.Values.ToHashSet());
        if (headerIndex < 0 || missing.Count > 0)
            return new StatementRead([], null, [.. headers.Where(h => h.Length > 0)], missing) { Recognised = recognised, AccountPlaces = places };
        var labels = (columns.Headers.GetValueOrDefault(StatementField.Account) ?? []).Concat(StatementColumns.AccountLabels).ToList();
        var account = AccountNumber(preamble, labels);
        var columnOf = fields.ToDictionary(f => f.Value, f => f.Key);
        var lines = new List<StatementRow>();
        for (var i = headerIndex + 1; i < rows.Count; i++)
        {
            var cells = rows[i];
            if (cells.All(c => c.Length == 0))
                continue;
            string Get(StatementField field) => columnOf.TryGetValue(field, out var c) && c < cells.Length ? cells[c] : "";
            var dateText = Get(StatementField.Date);
            // Banks close the sheet with totals ("合计", "本页小计"): the lines end where the dates do.
            if (ParseDate(dateText) is not { } date)
            {
                if (dateText.Length == 0 || !dateText.Any(char.IsAsciiDigit))
                    break;
                return StatementRead.Fail("StatementDateInvalid", i + 1, dateText);
            }
            decimal amount;
            if (fields.ContainsValue(StatementField.Amount))
            {
                var (value, error) = ParseMoney(Get(StatementField.Amount), signed: true);
                if (error is not null)
                    return StatementRead.Fail(error, i + 1, Get(StatementField.Amount));
                amount = value ?? 0;
            }
            else
            {
                var (debit, debitError) = ParseMoney(Get(StatementField.Debit), signed: false);
                var (credit, creditError) = ParseMoney(Get(StatementField.Credit), signed: false);
                if ((debitError ?? creditError) is { } error)
                    return StatementRead.Fail(error, i + 1, debitError is null ? Get(StatementField.Credit) : Get(StatementField.Debit));
                amount = (credit ?? 0) - (debit ?? 0);
            }
            if (amount == 0)
                return StatementRead.Fail("StatementAmountMissing", i + 1);
            decimal? balance = null;
            if (fields.ContainsValue(StatementField.Balance))
            {
                var (value, error) = ParseMoney(Get(StatementField.Balance), signed: true);
                if (error is not null)
                    return StatementRead.Fail(error, i + 1, Get(StatementField.Balance));
                balance = value;
            }
            if (lines.Count == MaxRows)
                return StatementRead.Fail("StatementTooManyRows", MaxRows);
            lines.Add(new StatementRow(i + 1, date, amount, balance, Text(Get(StatementField.Reference)), Text(Get(StatementField.Counterparty)), Text(Get(StatementField.Summary))));
            // A column naming the account on every line (ICBC's "本方账号") is read from the first line that has it.
            if (account is null && Number(Get(StatementField.Account)) is { } inColumn)
                account = inColumn;
        }
        if (lines.Count == 0)
            return StatementRead.Fail("StatementNoLines");
        return new StatementRead(lines, account, [.. headers.Where(h => h.Length > 0)], []) { Recognised = recognised, AccountPlaces = places };
    }

    /// <summary>
    /// When no row names the fields, the likeliest header row: several text cells, one of them date-like ("记账日"), and
    /// a date in the row below; so a line of account details above it ("账号,3501…,户名,…") is not taken for it.
    /// </summary>
    private static int GuessHeader(List<string[]> rows, StatementColumns columns)
    {
        var (best, bestScore) = (-1, 0);
        for (var i = 0; i < Math.Min(rows.Count, HeaderSearchRows); i++)
        {
            var cells = rows[i];
            var texts = cells.Count(c => c.Length > 0 && !c.Any(char.IsAsciiDigit));
            if (texts < 2)
                continue;
            var score = Fields(cells, columns).Count * 4 + Math.Min(texts, 8)
                + (cells.Any(c => !c.Any(char.IsAsciiDigit) && DateHeaderWords.Any(w => c.Contains(w, StringComparison.OrdinalIgnoreCase))) ? 3 : 0)
                + (i + 1 < rows.Count && rows[i + 1].Any(c => ParseDate(c) is not null) ? 6 : 0);
            if (score > bestScore)
                (best, bestScore) = (i, score);
        }
        return best;
    }

    /// <summary>The labels of the cells above the header row that carry a long number: "卡号：6217…" or "卡号" beside it.</summary>
    private static List<string> AccountPlaces(List<string[]> preamble)
    {
        var places = new List<string>();
        foreach (var cells in preamble)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                if (Number(cells[c]) is null)
                    continue;
                var first = cells[c].IndexOfAny("0123456789".ToCharArray());
                var label = Label(cells[c][..first]) ?? (c > 0 ? Label(cells[c - 1]) : null);
                if (label is not null && !places.Contains(label))
                    places.Add(label);
            }
        }
        return places;
    }

    private static string? Label(string text)
    {
        var clean = (TypedText.Digits(text) ?? "").Trim().TrimEnd(':', '：').Trim();
        return clean.Length > 0 && !clean.Any(char.IsAsciiDigit) ? clean : null;
    }

    /// <summary>An account number in a cell: its digits when there are at least eight (spaces and dashes between them allowed).</summary>
    private static string? Number(string cell)
    {
        var digits = new string([.. cell.Where(char.IsAsciiDigit)]);
        return digits.Length >= 8 && !DateInText().IsMatch(cell) ? digits : null;
    }

    private static (int Index, Dictionary<int, StatementField> Fields) FindHeader(List<string[]> rows, StatementColumns columns)
    {
        for (var i = 0; i < Math.Min(rows.Count, HeaderSearchRows); i++)
        {
            var fields = Fields(rows[i], columns);
            if (fields.ContainsValue(StatementField.Date) && StatementColumns.Missing(fields.Values.ToHashSet()).Count == 0)
                return (i, fields);
        }
        return (-1, []);
    }

    private static Dictionary<int, StatementField> Fields(string[] cells, StatementColumns columns)
    {
        var fields = new Dictionary<int, StatementField>();
        for (var c = 0; c < cells.Length; c++)
        {
            // The first column of a field counts: "余额" after "账户余额" is the same field again.
            if (columns.FieldOf(cells[c]) is { } field && !fields.ContainsValue(field))
                fields[c] = field;
        }
        return fields;
    }

    private static string? AccountNumber(IEnumerable<string[]> preamble, IReadOnlyList<string> labels)
    {
        foreach (var cells in preamble)
        {
            for (var c = 0; c < cells.Length; c++)
            {
                var label = labels.FirstOrDefault(l => cells[c].Contains(l, StringComparison.OrdinalIgnoreCase));
                if (label is null)
                    continue;
                var after = cells[c][(cells[c].IndexOf(label, StringComparison.OrdinalIgnoreCase) + label.Length)..];
                foreach (var candidate in new[] { after, c + 1 < cells.Length ? cells[c + 1] : "" })
                {
                    var digits = new string([.. candidate.Where(char.IsAsciiDigit)]);
                    if (digits.Length >= 8)
                        return digits;
                }
            }
        }
        return null;
    }

    private static DateOnly? ParseDate(string text)
    {
        var clean = text.Trim();
        if (DateTime.TryParseExact(clean, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return DateOnly.FromDateTime(date);
        return null;
    }

    /// <summary>A bank amount: thousands separators allowed, at most two decimals; empty is none.</summary>
    private static (decimal? Value, string? Error) ParseMoney(string text, bool signed)
    {
        var clean = (TypedText.Digits(text) ?? "").Replace(",", "", StringComparison.Ordinal).Replace("¥", "", StringComparison.Ordinal).Trim();
        if (clean.Length == 0 || clean == "-")
            return (null, null);
        var styles = NumberStyles.AllowDecimalPoint | (signed ? NumberStyles.AllowLeadingSign : NumberStyles.None);
        if (TypedText.HasOtherDigits(clean) || !decimal.TryParse(clean, styles, CultureInfo.InvariantCulture, out var value))
            return (null, "StatementAmountInvalid");
        if (value != Math.Round(value, 2))
            return (null, "StatementAmountTooManyDecimals");
        return (value, null);
    }

    private static string? Text(string value) => TypedText.Text(value);

    private static List<string[]> Csv(string text)
    {
        using var reader = new StringReader(text);
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false, TrimWhitespace = true };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        var rows = new List<string[]>();
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = TypedText.Text(csv.GetString(i)) ?? "";
            rows.Add(fields);
        }
        return rows;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => TypedText.Text(s) ?? "",
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
