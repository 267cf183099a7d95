using Microsoft.EntityFrameworkCore;

namespace PropertyHub.Data;

/// <summary>One page of a list that may grow without bound, and how many rows the whole filtered list has.</summary>
public sealed record Slice<T>(IReadOnlyList<T> Rows, int Total);

/// <summary>
/// Which page of a list to read: rows to skip, rows to take (clamped to <see cref="MaxTake"/>), and the column to sort
/// by (a name the list's service knows; null or unknown = the list's own default order).
/// </summary>
public sealed record PageRequest(int Skip, int Take, string? SortBy = null, bool Descending = false)
{
    public const int MaxTake = 500;

    public int SafeSkip => Math.Max(0, Skip);
    public int SafeTake => Math.Clamp(Take, 1, MaxTake);

    /// <summary>The page a MudBlazor table or data grid asks for.</summary>
    public static PageRequest From(int page, int pageSize, string? sortBy = null, bool descending = false) =>
        new(page * pageSize, pageSize, sortBy, descending);
}

public static class PagingExtensions
{
    /// <summary>Counts the filtered query and reads one ordered page of it; the query must already be ordered.</summary>
    public static async Task<Slice<T>> ToSliceAsync<T>(this IQueryable<T> ordered, PageRequest page, CancellationToken ct = default)
    {
        var total = await ordered.CountAsync(ct);
        var rows = await ordered.Skip(page.SafeSkip).Take(page.SafeTake).ToListAsync(ct);
        return new Slice<T>(rows, total);
    }
}
