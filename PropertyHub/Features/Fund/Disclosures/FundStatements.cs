using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PropertyHub.Data;
using PropertyHub.Features.Fees;
using PropertyHub.Features.Fees.Disclosures;
using PropertyHub.Features.Fund.Reports;
using PropertyHub.Features.Notices;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fund.Disclosures;

/// <summary>
/// The fund's kind of the semiannual disclosure (P1§8.5): the statement's body frozen into lines of the fee
/// disclosure's <see cref="Disclosure"/> — receipts by source as income, spending by usage item as expenditure, the
/// opening and closing balances, the main works and each month's reconciliation state — and its texts.
/// </summary>
public sealed class FundStatements(
    FundReports reports,
    IStringLocalizer<FundDisclosureText> text,
    IStringLocalizer<FundText> fundText,
    IStringLocalizer<FundReportText> reportText) : IFundStatements
{
    public async Task<List<DisclosureLine>?> LinesAsync(AppDbContext db, int fundAccountId, HalfYear halfYear, CancellationToken ct)
    {
        var account = await db.FundAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == fundAccountId, ct);
        if (account is null)
            return null;
        var body = await FundDisclosureFigures.BodyAsync(db, account, halfYear, reports, ct);
        return Lines(body);
    }

    /// <summary>The body as lines, in the order the statement reads.</summary>
    public static List<DisclosureLine> Lines(FundDisclosureBody body)
    {
        var lines = new List<DisclosureLine>();
        void Add(DisclosureLineKind kind, string category, decimal amount, string? note = null) =>
            lines.Add(new DisclosureLine { Kind = kind, Category = category, Amount = amount, Note = note, Order = lines.Count + 1 });
        Add(DisclosureLineKind.Balance, DisclosureCategories.FundOpening, body.Opening);
        Add(DisclosureLineKind.Income, DisclosureCategories.FundContributions, body.Contributions);
        Add(DisclosureLineKind.Income, DisclosureCategories.FundInterest, body.Interest);
        Add(DisclosureLineKind.Income, DisclosureCategories.FundOtherReceipts, body.OtherReceipts);
        foreach (var usage in body.Period.ByUsage.Where(u => u.Spending != 0 || u.Lines > 0))
            Add(DisclosureLineKind.Expenditure, DisclosureCategories.UsagePrefix + usage.Item, usage.Spending);
        // Bank charges and other explained adjustments: spent too, so the spending lines add up to opening − closing + receipts.
        if (body.Period.Adjustments is { } adjustments && (adjustments.Spending != 0 || adjustments.Lines > 0))
            Add(DisclosureLineKind.Expenditure, DisclosureCategories.FundAdjustments, adjustments.Spending);
        Add(DisclosureLineKind.Balance, DisclosureCategories.FundClosing, body.Closing);
        foreach (var work in body.MainWorks)
            Add(DisclosureLineKind.MainWork, DisclosureCategories.UsagePrefix + work.Item, work.Amount, Work(work));
        foreach (var month in body.Reconciliation)
            Add(DisclosureLineKind.Month, month.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), 0m, month.State.ToString());
        return lines;
    }

    /// <summary>"2026-03-12 · payee · purpose", cut to the line's note length.</summary>
    private static string Work(FundMainWork work)
    {
        var note = string.Join(" · ", new[] { work.PaidOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), work.Counterparty, work.Purpose }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        return note.Length <= DisclosureService.NoteLength ? note : note[..DisclosureService.NoteLength];
    }

    public async Task<string> AccountAsync(AppDbContext db, int fundAccountId, CancellationToken ct)
    {
        var account = await db.FundAccounts.AsNoTracking().Where(a => a.Id == fundAccountId)
            .Select(a => new { a.BankName, a.AccountNumber }).SingleAsync(ct);
        return $"{account.BankName} {FundRules.Mask(account.AccountNumber)}";
    }

    public string? Name(DisclosureLineKind kind, string category, string? note)
    {
        if (kind == DisclosureLineKind.Month)
            return Found(reportText[$"MonthState_{note}"]);
        if (category.StartsWith(DisclosureCategories.UsagePrefix, StringComparison.Ordinal))
            return Found(fundText["Usage_" + category[DisclosureCategories.UsagePrefix.Length..]]);
        return category.StartsWith("fund-", StringComparison.Ordinal) ? Found(text["Category_" + category]) : null;
    }

    private static string? Found(LocalizedString s) => s.ResourceNotFound ? null : s.Value;

    private string NameOf(DisclosureLine line) => Name(line.Kind, line.Category, line.Note) ?? line.Category;

    private static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    private static decimal Sum(Disclosure d, DisclosureLineKind kind) => d.Lines.Where(l => l.Kind == kind).Sum(l => l.Amount);

    private static decimal BalanceOf(Disclosure d, string category) =>
        d.Lines.Where(l => l.Kind == DisclosureLineKind.Balance && l.Category == category).Sum(l => l.Amount);

    /// <summary>The half-year as occupants read it: "2026年上半年", "first half of 2026"; a stored value that is not a half-year stays as it is.</summary>
    private string Period(string halfYear) =>
        HalfYear.TryParse(halfYear, out var h) ? text[$"HalfYear_{h.Half}", h.Year.ToString(CultureInfo.InvariantCulture)].Value : halfYear;

    public NoticeText Board(Disclosure d, string estate, string account)
    {
        var body = new StringBuilder();
        var period = Period(d.HalfYear);
        body.Append(text["Heading", estate, account, period].Value).Append('\n');
        // Balances, headings and totals at the left; the lines under a heading indented beneath it.
        void Total(string name, decimal amount) => body.Append(name).Append("    ").Append(Money(amount)).Append('\n');
        void Row(string name, decimal amount) => body.Append("  ").Append(name).Append("    ").Append(Money(amount)).Append('\n');
        var ordered = d.Lines.OrderBy(l => l.Order).ToList();
        Total(text["Category_" + DisclosureCategories.FundOpening].Value, BalanceOf(d, DisclosureCategories.FundOpening));
        body.Append(text["Receipts"].Value).Append('\n');
        foreach (var line in ordered.Where(l => l.Kind == DisclosureLineKind.Income))
            Row(NameOf(line), line.Amount);
        Total(text["ReceiptsTotal"].Value, Sum(d, DisclosureLineKind.Income));
        body.Append(text["Spending"].Value).Append('\n');
        foreach (var line in ordered.Where(l => l.Kind == DisclosureLineKind.Expenditure))
            Row(NameOf(line), line.Amount);
        Total(text["SpendingTotal"].Value, Sum(d, DisclosureLineKind.Expenditure));
        Total(text["Category_" + DisclosureCategories.FundClosing].Value, BalanceOf(d, DisclosureCategories.FundClosing));
        var works = ordered.Where(l => l.Kind == DisclosureLineKind.MainWork).ToList();
        if (works.Count > 0)
        {
            body.Append(text["MainWorks"].Value).Append('\n');
            foreach (var work in works)
                body.Append("  ").Append(work.Note).Append(" · ").Append(NameOf(work)).Append("    ").Append(Money(work.Amount)).Append('\n');
        }
        body.Append(text["Reconciliation"].Value).Append('\n');
        foreach (var month in ordered.Where(l => l.Kind == DisclosureLineKind.Month))
            body.Append("  ").Append(month.Category).Append("    ").Append(NameOf(month)).Append('\n');
        if (d.Notes is { } notes)
            body.Append('\n').Append(notes);
        return new NoticeText(text["NoticeSubject", account, period].Value, body.ToString().TrimEnd('\n'));
    }

    public NoticeText Occupant(Disclosure d, string account) => new(
        text["NoticeSubject", account, Period(d.HalfYear)].Value,
        text["NoticeBody", Period(d.HalfYear), account, Money(BalanceOf(d, DisclosureCategories.FundOpening)), Money(Sum(d, DisclosureLineKind.Income)),
            Money(Sum(d, DisclosureLineKind.Expenditure)), Money(BalanceOf(d, DisclosureCategories.FundClosing))].Value);
}
