using MudBlazor;

namespace PropertyHub.Features.Registry;

internal static class RegistryDialogs
{
    public static readonly DialogOptions Options = new() { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Small, FullWidth = true };
}
