using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.Registry;

public sealed partial class RegistryService
{
    /// <summary>At most this many hits: the search is type-ahead, not a report.</summary>
    public const int MaxHits = 20;

    /// <summary>
    /// Finds occupants by unit number ("1201", or "1-1201" = building code and number), by any part of a phone
    /// number, or by name. Each query uses an indexed column and stops at <see cref="MaxHits"/> rows.
    /// </summary>
    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string? query, CancellationToken ct = default)
    {
        var term = TypedText.Digits(query) ?? "";
        if (term.Length == 0 || term.Length > 100)
            return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var hits = await FindAsync(db, term, ct);
        var marks = await MoveIn.MoveInMarks.OfAsync(db, [.. hits.Where(h => h.OccupantId is not null).Select(h => h.OccupantId!.Value)], ct);
        return [.. hits.Select(h => h.OccupantId is { } id && marks.TryGetValue(id, out var mark) ? h with { MoveIn = mark } : h)];
    }

    private static async Task<List<SearchHit>> FindAsync(AppDbContext db, string term, CancellationToken ct)
    {
        var hits = new List<SearchHit>();
        var address = AddressPattern().Match(term);
        if (address.Success)
        {
            var code = address.Groups[1].Value;
            var number = address.Groups[2].Value;
            await AddUnitHitsAsync(db.Units.Where(u => u.Building!.Code == code && u.Number.StartsWith(number)), hits, ct);
            if (!PhonePattern().IsMatch(term))
                return hits;
        }
        if (UnitNumberPattern().IsMatch(term))
            await AddUnitHitsAsync(db.Units.Where(u => u.Number.StartsWith(term)), hits, ct);
        if (PhonePattern().IsMatch(term) && term.Length >= 3)
        {
            await AddOccupantHitsAsync(
                db.Occupants.Where(o => o.Phone!.Contains(term) || o.Phone2!.Contains(term)).OrderBy(o => o.Phone),
                hits, ct);
        }
        else if (!PhonePattern().IsMatch(term))
        {
            await AddOccupantHitsAsync(
                db.Occupants.Where(o => o.Name.Contains(term)).OrderBy(o => o.Name.StartsWith(term) ? 0 : 1).ThenBy(o => o.Name).ThenBy(o => o.Id),
                hits, ct);
        }
        return hits;
    }

    private static async Task AddUnitHitsAsync(IQueryable<Unit> units, List<SearchHit> hits, CancellationToken ct)
    {
        if (hits.Count >= MaxHits)
            return;
        var found = await units
            .OrderBy(u => u.Number.Length).ThenBy(u => u.Building!.Code).ThenBy(u => u.Number)
            .Take(MaxHits - hits.Count)
            .Select(u => new
            {
                u.Id,
                u.Building!.Code,
                u.Number,
                Occupants = u.Occupants.OrderBy(o => o.Role).ThenBy(o => o.Id)
                    .Select(o => new { o.Id, o.Name, o.Role, o.Phone, o.IsVip }).ToList(),
            })
            .ToListAsync(ct);
        foreach (var u in found)
        {
            if (u.Occupants.Count == 0)
                Add(hits, new SearchHit(u.Id, u.Code, u.Number, null, null, null, null, false));
            foreach (var o in u.Occupants)
                Add(hits, new SearchHit(u.Id, u.Code, u.Number, o.Id, o.Name, o.Role, o.Phone, o.IsVip));
        }
    }

    private static async Task AddOccupantHitsAsync(IQueryable<Occupant> occupants, List<SearchHit> hits, CancellationToken ct)
    {
        if (hits.Count >= MaxHits)
            return;
        var found = await occupants
            .Take(MaxHits)
            .Select(o => new SearchHit(o.UnitId, o.Unit!.Building!.Code, o.Unit.Number, o.Id, o.Name, (OccupantRole?)o.Role, o.Phone, o.IsVip))
            .ToListAsync(ct);
        foreach (var hit in found)
            Add(hits, hit);
    }

    private static void Add(List<SearchHit> hits, SearchHit hit)
    {
        if (hits.Count >= MaxHits)
            return;
        if (hit.OccupantId is { } id ? hits.Any(h => h.OccupantId == id) : hits.Any(h => h.OccupantId is null && h.UnitId == hit.UnitId))
            return;
        hits.Add(hit);
    }

    /// <summary>Building code, a dash (ASCII or full-width) and a unit number: "1-1201".</summary>
    [GeneratedRegex(@"^([0-9A-Za-z]{1,16})\s*[-－]\s*([0-9A-Za-z]{1,16})$")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"^[0-9A-Za-z]{1,16}$")]
    private static partial Regex UnitNumberPattern();

    /// <summary>Digits with an optional dash (landlines: 0591-12345678).</summary>
    [GeneratedRegex(@"^[0-9][0-9-]*$")]
    private static partial Regex PhonePattern();
}
