using System.Globalization;
using PropertyHub.Features.Reception.Queue;
using QueueLoad.Driver;

namespace QueueLoad.Reports;

/// <summary>
/// When each contact was on the queue's first page, from the database alone. The queue lists the most urgent first
/// (due time, then received, then id) and shows <see cref="QueueQueries.PageSize"/> rows; each contact is due a second
/// before the previous slot's, so a later slot is more urgent. Nothing closes during the run, so a row is on the first
/// page from its commit until the 50th more urgent row commits, and never if 50 more urgent rows committed before it
/// (a save that took long enough to be overtaken by 50 later ones). A page can only show a row inside that window.
/// </summary>
internal static class FirstPage
{
    /// <summary>Per marker: how long the row was on the first page in ms (0: never; infinity: still there at the end).</summary>
    public static Dictionary<string, double> Windows(IReadOnlyList<StoredRow> stored)
    {
        var rows = stored.GroupBy(r => r.Marker).Select(g => (g.Key, Slot: Slot(g.Key), Committed: g.Min(r => r.CommittedMs))).ToList();
        var windows = new Dictionary<string, double>();
        foreach (var row in rows)
        {
            var moreUrgent = rows.Where(r => r.Slot > row.Slot).Select(r => r.Committed).Order().ToList();
            var before = moreUrgent.Count(c => c < row.Committed);
            if (before >= QueueQueries.PageSize)
                windows[row.Key] = 0;
            else
            {
                var after = moreUrgent.Where(c => c >= row.Committed).ToList();
                var pushedOff = QueueQueries.PageSize - before - 1;
                windows[row.Key] = pushedOff < after.Count ? after[pushedOff] - row.Committed : double.PositiveInfinity;
            }
        }
        return windows;
    }

    private static int Slot(string marker) => int.Parse(marker[(marker.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
}
