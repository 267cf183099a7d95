using PropertyHub.Data;
using PropertyHub.Features.Notices;

namespace PropertyHub.Features.Fees.Disclosures;

/// <summary>
/// What the disclosure needs from the maintenance fund for a fund statement (P1§8.5), the fund's kind of
/// <see cref="Disclosure"/>: its lines worked out from the fund's ledger, the account's name, the names of its
/// categories and its notice texts. Implemented by the fund (Features/Fund/Disclosures).
/// </summary>
public interface IFundStatements
{
    /// <summary>The statement's lines for the account's half-year, or null when the account does not exist; the caller has checked access.</summary>
    Task<List<DisclosureLine>?> LinesAsync(AppDbContext db, int fundAccountId, HalfYear halfYear, CancellationToken ct);

    /// <summary>The account as people know it: "bank ····5678".</summary>
    Task<string> AccountAsync(AppDbContext db, int fundAccountId, CancellationToken ct);

    /// <summary>A fund line's category (or a month's state) in the current UI culture, or null when it is not the fund's.</summary>
    string? Name(DisclosureLineKind kind, string category, string? note);

    /// <summary>The full statement for the notice board, in the current UI culture.</summary>
    NoticeText Board(Disclosure disclosure, string estate, string account);

    /// <summary>The short notice each occupant is sent, in the current UI culture.</summary>
    NoticeText Occupant(Disclosure disclosure, string account);
}
