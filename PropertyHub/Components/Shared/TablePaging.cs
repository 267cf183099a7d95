using MudBlazor;
using PropertyHub.Data;

namespace PropertyHub.Components.Shared;

public static class TablePaging
{
    /// <summary>
    /// The page a MudTable asks its ServerData for: its page, page size and sort label (none once the user has cleared
    /// the sort, so the list falls back on its own order).
    /// </summary>
    public static PageRequest ToPageRequest(this TableState state) =>
        PageRequest.From(state.Page, state.PageSize, state.SortDirection == SortDirection.None ? null : state.SortLabel,
            state.SortDirection == SortDirection.Descending);
}
