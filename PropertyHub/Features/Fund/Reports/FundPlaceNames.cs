using Microsoft.Extensions.Localization;
using PropertyHub.Resources;

namespace PropertyHub.Features.Fund.Reports;

/// <summary>A place of the spending as people read it: "3号楼 · 电梯", "3号楼", "地下车库", or "not named".</summary>
public static class FundPlaceNames
{
    public static string Of(FundReportPlace place, IStringLocalizer<FundPlaceText> text) => (place.Building, place.CommonPart) switch
    {
        ({ } building, { } part) => $"{building} · {part}",
        ({ } building, null) => building,
        (null, { } part) => part,
        _ => text["NotNamed"].Value,
    };
}
