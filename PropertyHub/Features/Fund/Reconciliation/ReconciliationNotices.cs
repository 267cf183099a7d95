using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PropertyHub.Data;
using PropertyHub.Features.Accounts;
using PropertyHub.Features.Notices;
using PropertyHub.Features.PersonalLinks;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fund.Reconciliation;

/// <summary>
/// Tells Finance that a month's reconciliation is open (P1§8.4): an e-mail through the outbox to each active Finance
/// user with an address, in the language they chose, with the month's page at the app's public address. The notice's
/// source is the account and month, so the outbox's unique (kind, source, channel, recipient) key lets each of them
/// have one, whoever adds it and however often.
/// </summary>
public sealed class ReconciliationNotices(IStringLocalizer<FundText> text, IOptions<PersonalLinkOptions> links)
{
    public const string NoticeKind = "fund-reconciliation";

    public static string SourceKey(int accountId, DateOnly month) =>
        $"fund-month:{accountId.ToString(CultureInfo.InvariantCulture)}:{month.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";

    /// <summary>"staff:" and the user's id (a GUID, written without dashes to fit the recipient key).</summary>
    public static string StaffKey(string userId) => "staff:" + (Guid.TryParse(userId, out var id) ? id.ToString("N") : userId);

    /// <summary>
    /// Adds to <paramref name="db"/> (not saved) an e-mail to each active Finance user who has not had one for the
    /// account's month; returns how many. Called by the reconciliation duty, which has checked access.
    /// </summary>
    internal async Task<int> AddAsync(AppDbContext db, int accountId, DateOnly month, DateOnly dueBy, DateTimeOffset now, CancellationToken ct)
    {
        var account = await db.FundAccounts.AsNoTracking().Where(a => a.Id == accountId)
            .Select(a => new { a.EstateId, a.BankName, a.AccountNumber, Estate = db.Estates.Where(e => e.Id == a.EstateId).Select(e => e.Name).Single() })
            .SingleAsync(ct);
        var source = SourceKey(accountId, month);
        var finance = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && u.Email != null && u.Email != ""
                && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Finance)))
            .Select(u => new { u.Id, u.Email, u.Language })
            .OrderBy(u => u.Id).ToListAsync(ct);
        var told = (await db.Notices.AsNoTracking().Where(n => n.Kind == NoticeKind && n.SourceKey == source && n.Channel == NoticeChannel.Email)
            .Select(n => n.RecipientKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var (monthText, dueText) = (month.ToString("yyyy-MM", CultureInfo.InvariantCulture), dueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var accountText = $"{account.BankName} {FundRules.Mask(account.AccountNumber)}";
        var page = $"{links.Value.PublicBaseUrl.TrimEnd('/')}/fund/{accountId.ToString(CultureInfo.InvariantCulture)}/reconciliation?month={monthText}";
        var added = 0;
        foreach (var user in finance.Where(u => !told.Contains(StaffKey(u.Id))))
        {
            var culture = NoticeOutbox.CultureOf(user.Language);
            db.Notices.Add(new Notice
            {
                EstateId = account.EstateId,
                Kind = NoticeKind,
                SourceKey = source,
                Channel = NoticeChannel.Email,
                RecipientKey = StaffKey(user.Id),
                Address = user.Email!.Trim(),
                Language = culture.Name,
                Subject = NoticeOutbox.WriteIn(culture, () => text["MonthOpenedSubject", account.Estate, monthText].Value),
                Body = NoticeOutbox.WriteIn(culture, () => text["MonthOpenedBody", account.Estate, accountText, monthText, dueText, page].Value),
                Status = NoticeStatus.Pending,
                CreatedAt = now,
                NextAttemptAt = now,
            });
            added++;
        }
        return added;
    }
}
