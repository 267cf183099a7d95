using Microsoft.EntityFrameworkCore;
using PropertyHub.Data;

namespace PropertyHub.Features.ScheduledDuties;

/// <summary>
/// How a duty writes its artifacts exactly once: a batch in one transaction; when the unique key says another run
/// wrote some of them meanwhile, the batch again one by one, leaving theirs alone.
/// </summary>
public static class UniqueBatches
{
    /// <summary>Writes <paramref name="batch"/> with <paramref name="write"/> (which returns how many it wrote); returns how many this run wrote.</summary>
    public static async Task<int> WriteAsync<T>(IReadOnlyList<T> batch, Func<IReadOnlyList<T>, Task<int>> write)
    {
        try
        {
            return await write(batch);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            var written = 0;
            foreach (var one in batch)
            {
                try
                {
                    written += await write([one]);
                }
                catch (DbUpdateException duplicate) when (DbErrors.IsUniqueViolation(duplicate))
                {
                }
            }
            return written;
        }
    }
}
